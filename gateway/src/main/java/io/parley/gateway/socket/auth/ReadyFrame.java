package io.parley.gateway.socket.auth;

import io.parley.contract.CloseCodes;
import io.parley.contract.auth.AccountService;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.frame.FrameRate;
import io.parley.contract.frame.Ready;
import io.parley.contract.model.Room;
import io.parley.contract.model.User;
import io.parley.contract.presence.PresenceService;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.presence.PresenceFilter;
import io.parley.gateway.socket.room.RoomSubscriptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ready}: the user, their rooms with counters, and who among the people they share rooms with is online.
 * The socket subscribes to its rooms before answering, so nothing published after {@code ready} is missed.
 */
public final class ReadyFrame {

  private final ClientConnection connection;
  private final AccountService accounts;
  private final PresenceService presenceService;
  private final ChatClient chat;
  private final RoomSubscriptions rooms;
  private final PresenceFilter presence;
  private final FrameRate limits;

  public ReadyFrame(ClientConnection connection, AccountService accounts, PresenceService presenceService,
      ChatClient chat, RoomSubscriptions rooms, PresenceFilter presence, FrameRate limits) {
    this.connection = connection;
    this.accounts = accounts;
    this.presenceService = presenceService;
    this.chat = chat;
    this.rooms = rooms;
    this.presence = presence;
    this.limits = limits;
  }

  /** Answers the {@code auth} frame with {@code ref} once the user's own address is subscribed too. */
  public void send(Object ref, Future<Void> userSubscribed) {
    Future<User> user = accounts.user(connection.userId());
    Future<List<Room>> memberOf = chat.roomsOf(connection.actor());
    Future<List<String>> online = chat.roommates(connection.actor())
        .compose(presenceService::online)
        .map(List::copyOf);
    Future.all(user, memberOf, online)
        .compose(all -> {
          // In a cluster a subscription reaches the other nodes a moment later: ready waits for every one.
          List<Future<Void>> subscribed = new ArrayList<>(List.of(userSubscribed));
          memberOf.result().forEach(room -> subscribed.add(rooms.join(room.id())));
          return Future.all(subscribed);
        })
        .onSuccess(all -> {
          if (connection.isClosed()) {
            return;
          }
          presence.told(online.result());
          connection.reply(ref, new Ready(user.result(), memberOf.result(), online.result(), limits));
          Map<String, Long> versions = new LinkedHashMap<>();
          memberOf.result().forEach(room -> versions.put(room.id(), room.counters().version()));
          rooms.recheckAfterReady(versions);
          // Direct messages that reached the user while away come now, after ready.
          chat.flushDeliveries(connection.actor());
        })
        .onFailure(failure -> {
          connection.fail(ref, failure);
          connection.close(CloseCodes.GOING_AWAY, "services unavailable");
        });
  }
}
