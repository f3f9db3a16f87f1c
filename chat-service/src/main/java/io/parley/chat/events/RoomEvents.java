package io.parley.chat.events;

import io.parley.chat.directory.UserDirectory;
import io.parley.contract.Addresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything chat-service tells the rest of Parley: the client frames of rooms and users, and its own notices. */
public final class RoomEvents {

  private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);

  private final EventBus bus;
  private final UserDirectory users;

  public RoomEvents(EventBus bus, UserDirectory users) {
    this.bus = bus;
    this.users = users;
  }

  /**
   * A recorded timeline change: its frame to the room's members, and the message as it now is to the other
   * chat-service instances.
   */
  public void timelineChanged(String roomId, long version, JsonObject frame, JsonObject message) {
    bus.publish(Addresses.roomEvents(roomId), frame.put("roomId", roomId).put("version", version));
    bus.publish(Addresses.CHAT_TIMELINE_CHANGED, new JsonObject()
        .put("roomId", roomId).put("version", version).put("message", message));
  }

  /**
   * A user joined or left: the room's members see {@code member_joined}/{@code member_left}; the user's own
   * gateways subscribe or unsubscribe, and their sockets learn of the room.
   */
  public void membershipChanged(JsonObject roomView, String userId, boolean joined) {
    String roomId = roomView.getString("id");
    users.profile(userId)
        .onSuccess(user -> bus.publish(Addresses.roomEvents(roomId), new JsonObject()
            .put("type", joined ? "member_joined" : "member_left").put("roomId", roomId).put("user", user)))
        .onFailure(failure -> LOG.warn("no profile for {} to announce in {}", userId, roomId, failure));
    JsonObject membership = new JsonObject().put("type", "membership").put("roomId", roomId).put("member", joined);
    if (joined) {
      membership.put("room", roomView);
    }
    bus.publish(Addresses.userEvents(userId), membership);
  }

  /** A client frame for every socket of one user. */
  public void toUser(String userId, JsonObject frame) {
    bus.publish(Addresses.userEvents(userId), frame);
  }
}
