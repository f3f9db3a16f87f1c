package io.parley.chat.readstate;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.chat.ReadMark;
import io.parley.contract.chat.ReadService;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.frame.Receipt;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;

/**
 * How far each member has read each room: the marker lives in the member's membership and only moves forward;
 * what is unread is the room's {@link RoomCounters} against it. In a direct room the other side is told.
 */
public final class ReadMarkers implements ReadService {

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

  /** Marks read up to seq (at most the room's last); in a direct room the other member gets a {@code receipt}. */
  @Override
  public Future<ReadMark> read(Actor actor, ReadUpTo mark) {
    return access.asMember(mark.roomId(), actor).compose(room -> {
      String roomId = room.getString("_id");
      return journal.countersOf(roomId).compose(counters ->
          memberships.markRead(roomId, actor.id(), Math.min(mark.seq(), counters.lastSeq())).map(lastRead -> {
            if (RoomStore.is(room, Room.DIRECT)) {
              events.toUser(RoomStore.otherMember(room, actor.id()), new Receipt(roomId, actor.id(), lastRead));
            }
            return new ReadMark(roomId, lastRead, counters.unreadAfter(lastRead));
          }));
    });
  }

  /** A sender has read their own message. */
  public Future<Long> readOwn(String roomId, String senderId, long seq) {
    return memberships.markRead(roomId, senderId, seq);
  }
}
