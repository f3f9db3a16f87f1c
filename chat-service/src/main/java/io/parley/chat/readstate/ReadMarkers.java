package io.parley.chat.readstate;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.RequestFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * How far each member has read each room: the marker lives in the member's membership and only moves forward;
 * what is unread is the room's {@link RoomCounters} against it. In a direct room the other side is told.
 */
public final class ReadMarkers {

  private final MembershipStore memberships;
  private final RoomAccess access;
  private final RoomJournal journal;
  private final RoomEvents events;

  public ReadMarkers(MembershipStore memberships, RoomAccess access, RoomJournal journal, RoomEvents events) {
    this.memberships = memberships;
    this.access = access;
    this.journal = journal;
    this.events = events;
  }

  /** {@code {actor, roomId, seq}}: marks read up to seq; in a direct room the other member gets a {@code receipt}. */
  public Future<JsonObject> read(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    Long seq = fields.requiredLong("seq", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    return access.asMember(request.getValue("roomId"), actor).compose(room -> {
      String roomId = room.getString("_id");
      return journal.countersOf(roomId).compose(counters ->
          memberships.markRead(roomId, actor.id(), Math.min(seq, counters.lastSeq())).map(lastRead -> {
            if (RoomStore.DIRECT.equals(room.getString("type"))) {
              events.toUser(RoomStore.otherMember(room, actor.id()), new JsonObject()
                  .put("type", "receipt").put("roomId", roomId).put("userId", actor.id()).put("seq", lastRead));
            }
            return new JsonObject().put("roomId", roomId).put("seq", lastRead)
                .put("unread", counters.unreadAfter(lastRead));
          }));
    });
  }

  /** A sender has read their own message. */
  public Future<Long> readOwn(String roomId, String senderId, long seq) {
    return memberships.markRead(roomId, senderId, seq);
  }
}
