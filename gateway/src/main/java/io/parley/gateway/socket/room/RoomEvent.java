package io.parley.gateway.socket.room;

import io.parley.contract.frame.FrameTypes;
import io.parley.contract.frame.Presence;
import io.parley.contract.frame.Typing;
import io.vertx.core.json.JsonObject;

/**
 * One room event as each local member's socket gets it: encoded once for them all, with the little the per-socket
 * filters read, taken once per event: whose typing or presence it is ({@code byUser}, not echoed to that user),
 * and the presence itself, which a socket passes on only when it is news to its client. Other events are not
 * read beyond their type.
 */
public record RoomEvent(String type, String encoded, String byUser, Presence presence) {

  public static RoomEvent of(JsonObject event) {
    String type = FrameTypes.of(event);
    if (FrameTypes.TYPING.equals(type)) {
      return new RoomEvent(type, event.encode(), Typing.fromJson(event).userId(), null);
    }
    if (FrameTypes.PRESENCE.equals(type)) {
      Presence presence = Presence.fromJson(event);
      return new RoomEvent(type, event.encode(), presence.userId(), presence);
    }
    return new RoomEvent(type, event.encode(), null, null);
  }
}
