package io.parley.chat.readstate;

/**
 * A room's counters as its journal keeps them: {@code lastSeq}, the seq of its newest message, and
 * {@code version}, the number of its latest timeline change. A room without a journal yet has {@link #NONE}.
 */
public record RoomCounters(long lastSeq, long version) {

  public static final RoomCounters NONE = new RoomCounters(0, 0);

  /** How many of the room's messages a member whose read marker is at {@code lastReadSeq} has not read. */
  public long unreadAfter(long lastReadSeq) {
    return Math.max(0, lastSeq - lastReadSeq);
  }
}
