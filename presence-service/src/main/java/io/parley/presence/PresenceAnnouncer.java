package io.parley.presence;

import io.parley.contract.Addresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Tells the people who share a room with a user that the user came or went: a {@code presence} frame published
 * on each of the user's rooms. Every presence instance announces, so no election is needed; a gateway's
 * connection forwards a user's status only when it differs from what it last told its client.
 */
final class PresenceAnnouncer {

  private final EventBus bus;

  PresenceAnnouncer(EventBus bus) {
    this.bus = bus;
  }

  void announce(PresenceRegistry.Changes changes) {
    changes.online().forEach(userId -> announce(userId, "online"));
    changes.offline().forEach(userId -> announce(userId, "offline"));
  }

  private void announce(String userId, String status) {
    JsonObject frame = new JsonObject()
        .put("type", "presence")
        .put("userId", userId)
        .put("status", status)
        .put("at", Instant.now().toString());
    bus.<JsonObject>request(Addresses.CHAT_ROOM_IDS_OF_USER, new JsonObject().put("userId", userId))
        .onSuccess(reply -> {
          JsonArray roomIds = reply.body().getJsonArray("roomIds", new JsonArray());
          for (Object roomId : roomIds) {
            bus.publish(Addresses.roomEvents((String) roomId), frame.copy().put("roomId", roomId));
          }
        });
  }
}
