package io.parley.gateway.socket.auth;

import io.parley.contract.Addresses;
import io.parley.contract.CloseCodes;
import io.parley.contract.auth.AccountService;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.User;
import io.parley.contract.presence.PresenceService;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.presence.PresenceFilter;
import io.parley.gateway.socket.room.RoomSubscriptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ready}: the user, their rooms with counters, and who among the people they share rooms with is online.
 * The socket subscribes to its rooms before answering, so nothing published after {@code ready} is missed.
 */
public final class ReadyFrame {

  private final ClientConnection connection;
  private final AccountService accounts;
  private final PresenceService presenceService;
  private final RoomSubscriptions rooms;
  private final PresenceFilter presence;

  public ReadyFrame(ClientConnection connection, AccountService accounts, PresenceService presenceService,
      RoomSubscriptions rooms, PresenceFilter presence) {
    this.connection = connection;
    this.accounts = accounts;
    this.presenceService = presenceService;
    this.rooms = rooms;
    this.presence = presence;
  }

  /** Answers the {@code auth} frame with {@code ref} once the user's own address is subscribed too. */
  public void send(Object ref, Future<Void> userSubscribed) {
    Future<User> user = accounts.user(connection.userId());
    Future<JsonObject> memberOf = connection.request(Addresses.CHAT_ROOMS_OF_USER, new JsonObject());
    Future<JsonArray> online = connection.request(Addresses.CHAT_ROOMMATES, new JsonObject())
        .compose(mates -> presenceService.online(JsonValues.strings(mates.getJsonArray("userIds"))))
        .map(ids -> JsonValues.array(List.copyOf(ids)));
    Future.all(user, memberOf, online)
        .compose(all -> {
          // In a cluster a subscription reaches the other nodes a moment later: ready waits for every one.
          List<Future<Void>> subscribed = new ArrayList<>(List.of(userSubscribed));
          memberOf.result().getJsonArray("rooms", new JsonArray())
              .forEach(room -> subscribed.add(rooms.join(((JsonObject) room).getString("id"))));
          return Future.all(subscribed);
        })
        .onSuccess(all -> {
          if (connection.isClosed()) {
            return;
          }
          presence.told(online.result());
          connection.reply(ref, new JsonObject()
              .put("type", "ready")
              .put("user", user.result().toJson())
              .put("rooms", memberOf.result().getJsonArray("rooms", new JsonArray()))
              .put("online", online.result()));
          // Direct messages that reached the user while away come now, after ready.
          connection.request(Addresses.CHAT_DELIVERIES_FLUSH, new JsonObject());
        })
        .onFailure(failure -> {
          connection.fail(ref, failure);
          connection.close(CloseCodes.GOING_AWAY, "services unavailable");
        });
  }
}
