package io.parley.gateway.socket.auth;

import io.parley.contract.Addresses;
import io.parley.contract.CloseCodes;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.parley.gateway.ServiceCalls;
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
  private final ServiceCalls services;
  private final ChatClient chat;
  private final RoomSubscriptions rooms;
  private final PresenceFilter presence;

  public ReadyFrame(ClientConnection connection, ServiceCalls services, ChatClient chat, RoomSubscriptions rooms,
      PresenceFilter presence) {
    this.connection = connection;
    this.services = services;
    this.chat = chat;
    this.rooms = rooms;
    this.presence = presence;
  }

  /** Answers the {@code auth} frame with {@code ref} once the user's own address is subscribed too. */
  public void send(Object ref, Future<Void> userSubscribed) {
    Future<JsonObject> user = services.request(Addresses.AUTH_USER_GET,
        new JsonObject().put("userId", connection.userId()));
    Future<List<Room>> memberOf = chat.roomsOf(connection.actor());
    Future<JsonArray> online = chat.roommates(connection.actor())
        .compose(mates -> services.request(Addresses.PRESENCE_QUERY,
            new JsonObject().put("userIds", JsonValues.array(mates))))
        .map(answer -> answer.getJsonArray("online", new JsonArray()));
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
          connection.reply(ref, new JsonObject()
              .put("type", "ready")
              .put("user", user.result())
              .put("rooms", JsonValues.encodeAll(memberOf.result(), Room::toJson))
              .put("online", online.result()));
          // Direct messages that reached the user while away come now, after ready.
          chat.flushDeliveries(connection.actor());
        })
        .onFailure(failure -> {
          connection.fail(ref, failure);
          connection.close(CloseCodes.GOING_AWAY, "services unavailable");
        });
  }
}
