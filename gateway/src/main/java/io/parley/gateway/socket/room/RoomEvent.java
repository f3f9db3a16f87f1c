package io.parley.gateway.socket.room;

import io.parley.contract.frame.FrameTypes;
import io.parley.contract.frame.Presence;
import io.parley.contract.frame.Typing;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * One room event as each local member's socket gets it: encoded once for them all, with the little the per-socket
 * filters read, taken once per event: whose typing or presence it is ({@code byUser}, not echoed to that user),
 * and the presence itself, which a socket passes on only when it is news to its client. Other events are not
 * read beyond their type. {@code roomId} is null for an event about a user rather than a room.
 */
public record RoomEvent(String roomId, String type, String encoded, String byUser, Presence presence) {

  private static final Set<String> TIMELINE_CHANGES = Set.of(FrameTypes.MESSAGE, FrameTypes.MESSAGE_UPDATED,
      FrameTypes.MESSAGE_DELETED, FrameTypes.REACTION);

  public static RoomEvent of(String roomId, JsonObject event) {
    String type = FrameTypes.of(event);
    if (FrameTypes.TYPING.equals(type)) {
      return new RoomEvent(roomId, type, event.encode(), Typing.fromJson(event).userId(), null);
    }
    if (FrameTypes.PRESENCE.equals(type)) {
      Presence presence = Presence.fromJson(event);
      return new RoomEvent(roomId, type, event.encode(), presence.userId(), presence);
    }
    return new RoomEvent(roomId, type, event.encode(), null, null);
  }

  /**
   * Whether a room's state at {@code version} already holds this event: a timeline change of that version or an
   * older one. Read only for the few events held while a socket catches up on a room it just joined.
   */
  public boolean heldBy(long version) {
    long changed = version();
    return changed >= 0 && changed <= version;
  }

  /** The timeline version a change of the room's timeline took; -1 for other events. Parsed on each call. */
  public long version() {
    if (!TIMELINE_CHANGES.contains(type)) {
      return -1;
    }
    return new JsonObject(encoded).getValue("version") instanceof Number number ? number.longValue() : -1;
  }
}
