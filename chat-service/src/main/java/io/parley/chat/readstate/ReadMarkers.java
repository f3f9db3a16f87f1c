package io.parley.chat.readstate;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.StoredRoom;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.chat.timeline.ThreadIndex;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.ReadMark;
import io.parley.contract.chat.ReadService;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.chat.ThreadReadMark;
import io.parley.contract.chat.ThreadReadUpTo;
import io.parley.contract.frame.Receipt;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How far each member has read each room and each thread they follow: the room's marker lives in the member's
 * membership, a thread's in their {@link MemberMarks}, and both only move forward; what is unread is {@link
 * UnreadCounts}'. In a direct room the other side is told.
 */
public final class ReadMarkers implements ReadService {

  private final MembershipStore memberships;
  private final RoomAccess access;
  private final RoomJournal journal;
  private final RoomEvents events;
  private final MemberMarks marks;
  private final UnreadCounts unread;
  private final ThreadIndex threads;
  private final MessageStore messages;

  public ReadMarkers(MembershipStore memberships, RoomAccess access, RoomJournal journal, RoomEvents events,
      MemberMarks marks, UnreadCounts unread, ThreadIndex threads, MessageStore messages) {
    this.memberships = memberships;
    this.access = access;
    this.journal = journal;
    this.events = events;
    this.marks = marks;
    this.unread = unread;
    this.threads = threads;
    this.messages = messages;
  }

  /** Marks read up to seq (at most the room's last); in a direct room the other member gets a {@code receipt}. */
  @Override
  public Future<ReadMark> read(Actor actor, ReadUpTo mark) {
    return access.asMember(mark.roomId(), actor).compose(room -> {
      String roomId = room.getString("_id");
      return journal.countersOf(roomId).compose(counters ->
          memberships.markRead(roomId, actor.id(), Math.min(mark.seq(), counters.lastSeq())).compose(lastRead -> {
            if (StoredRoom.is(room, Room.DIRECT)) {
              events.toUser(DirectRooms.otherMember(room, actor.id()), new Receipt(roomId, actor.id(), lastRead));
            }
            return marks.readUpTo(roomId, actor.id(), lastRead)
                .compose(done -> unread.reading(actor.id(), new UnreadCounts.Seen(roomId, counters, lastRead)))
                .map(reading -> new ReadMark(roomId, lastRead, reading.unread(), reading.mentions()));
          }));
    });
  }

  /**
   * Marks a thread read up to seq (at most the room's last) for a member, who follows it from then on; the
   * mentions of them among its replies up to seq are read.
   */
  @Override
  public Future<ThreadReadMark> readThread(Actor actor, ThreadReadUpTo mark) {
    String rootId = mark.threadId();
    return access.ofMessage(rootId, actor).compose(room -> {
      String roomId = room.getString("_id");
      return Future.all(messages.findById(rootId), journal.countersOf(roomId), threads.replySeqs(rootId),
          memberships.membership(roomId, actor.id())).compose(all -> {
            JsonObject root = all.resultAt(0);
            JsonObject membership = all.resultAt(3);
            if (root == null) {
              return Future.failedFuture(ServiceError.notFound("Message"));
            }
            if (root.containsKey("threadId")) {
              return Future.failedFuture(ServiceError.invalid("threadId", "is a reply: a thread is named by its "
                  + "top-level message"));
            }
            if (membership == null) {
              return Future.failedFuture(ServiceError.forbidden("You are not a member of this room."));
            }
            UnreadCounts.Seen seen = new UnreadCounts.Seen(roomId, all.resultAt(1),
                membership.getLong("lastReadSeq", 0L));
            return readThread(actor, rootId, seen, Math.min(mark.seq(), seen.counters().lastSeq()),
                all.resultAt(2));
          });
    });
  }

  private Future<ThreadReadMark> readThread(Actor actor, String rootId, UnreadCounts.Seen seen, long seq,
      List<Long> replies) {
    String roomId = seen.roomId();
    long rootSeq = MessageStore.seqOf(rootId);
    return marks.readThread(roomId, actor.id(), rootSeq, seq, replies.stream().filter(s -> s <= seq).toList())
        .compose(done -> Future.all(marks.of(roomId, actor.id()), unread.reading(actor.id(), seen)))
        .map(both -> {
          long readTo = both.<MemberMarks.Marks>resultAt(0).threads().getOrDefault(rootSeq, seq);
          Room.Reading reading = both.resultAt(1);
          return new ThreadReadMark(rootId, roomId, readTo, replies.stream().filter(s -> s > readTo).count(),
              reading.unread(), reading.mentions());
        });
  }

  /** A sender has read their own message (written a moment later, with others). */
  public void readOwn(String roomId, String senderId, long seq) {
    memberships.markOwnRead(roomId, senderId, seq);
  }
}
