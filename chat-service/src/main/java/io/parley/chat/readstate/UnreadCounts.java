package io.parley.chat.readstate;

import io.parley.chat.timeline.ThreadIndex;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member has not read of a room, the one place it is computed. As in Mattermost's collapsed threads, a
 * room's {@code unread} counts its top-level messages after the member's read marker, and the replies after it
 * only in threads the member follows and has not read that far; {@code mentions} counts the messages after it
 * that mention them and that they have not read in their thread. Replies are told apart through the {@link
 * ThreadIndex}, looked at over the latest {@value #EXACT_SEQS} seqs of a room: further back, everything counts.
 */
public final class UnreadCounts {

  /** How far back from a room's last message replies are told apart from what a member must read. */
  static final long EXACT_SEQS = 10_000;

  private final MemberMarks marks;
  private final ThreadIndex threads;

  public UnreadCounts(MemberMarks marks, ThreadIndex threads) {
    this.marks = marks;
    this.threads = threads;
  }

  /** A room as one member sees it: its counters, and where their read marker is. */
  public record Seen(String roomId, RoomCounters counters, long lastReadSeq) {
  }

  /** What the user has not read of each room (none muted: that is the user's prefs' to say). */
  public Future<Map<String, Room.Reading>> readings(String userId, List<Seen> rooms) {
    List<Seen> behind = rooms.stream().filter(seen -> seen.counters().lastSeq() > seen.lastReadSeq()).toList();
    return marks.ofRooms(userId, behind.stream().map(Seen::roomId).toList()).compose(found -> {
      List<Future<Room.Reading>> counted = new ArrayList<>();
      for (Seen seen : behind) {
        counted.add(reading(seen, found.getOrDefault(seen.roomId(), MemberMarks.Marks.NONE)));
      }
      return Future.all(counted).map(all -> {
        Map<String, Room.Reading> readings = new HashMap<>();
        rooms.forEach(seen -> readings.put(seen.roomId(), new Room.Reading(0, 0, false)));
        for (int i = 0; i < behind.size(); i++) {
          readings.put(behind.get(i).roomId(), all.resultAt(i));
        }
        return readings;
      });
    });
  }

  /** What the user has not read of one room. */
  public Future<Room.Reading> reading(String userId, Seen seen) {
    return readings(userId, List.of(seen)).map(readings -> readings.get(seen.roomId()));
  }

  private Future<Room.Reading> reading(Seen seen, MemberMarks.Marks marked) {
    long lastSeq = seen.counters().lastSeq();
    long lastRead = seen.lastReadSeq();
    long from = Math.max(lastRead + 1, lastSeq - EXACT_SEQS + 1);
    return threads.repliesBetween(seen.roomId(), from, lastSeq).map(replies -> {
      long unread = lastSeq - lastRead;
      for (Map.Entry<Long, Long> reply : replies.entrySet()) {
        Long followedUpTo = marked.threads().get(reply.getValue());
        if (followedUpTo == null || reply.getKey() <= followedUpTo) {
          unread--;
        }
      }
      long mentions = marked.mentions().stream().filter(seq -> seq > lastRead && seq <= lastSeq).count();
      return new Room.Reading(unread, mentions, false);
    });
  }
}
