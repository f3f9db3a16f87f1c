package io.parley.contract.model;

/**
 * A room's timeline counters: the seq of its latest message and the version of its latest change. A room with
 * no journal yet is at {@link #ZERO}.
 */
public record RoomCounters(long lastSeq, long version) {

  public static final RoomCounters ZERO = new RoomCounters(0, 0);

  /** The messages a member has not read: the contract's {@code unread}, never negative. */
  public long unreadAfter(long lastReadSeq) {
    return Math.max(0, lastSeq - lastReadSeq);
  }
}
