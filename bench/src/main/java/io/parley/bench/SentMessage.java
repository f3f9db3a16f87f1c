package io.parley.bench;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One message the load generator sent: when it was meant to go (the latency origin, so a late send is not
 * forgiven), how many members should receive it, and which member positions did. Receipts arrive on every event
 * loop at once (a 1,000-member room delivers 1,000 copies together), so they are recorded without locks.
 */
final class SentMessage {

  /** How a receipt relates to the member's earlier ones. */
  enum Receipt { FIRST, DUPLICATE, RESENT_BY_SYNC }

  final String roomId;
  final long intendedNanos;
  final int expected;
  private final int roomSize;
  private final AtomicLongArray receivedBy;
  private final AtomicLongArray liveBy;
  private final AtomicInteger received = new AtomicInteger();
  private volatile boolean acked;
  private volatile boolean refused;

  SentMessage(String roomId, long intendedNanos, int expected, int roomSize) {
    this.roomId = roomId;
    this.intendedNanos = intendedNanos;
    this.expected = expected;
    this.roomSize = roomSize;
    this.receivedBy = new AtomicLongArray((roomSize + 63) / 64);
    this.liveBy = new AtomicLongArray((roomSize + 63) / 64);
  }

  /**
   * Records a receipt by the member at {@code position}. A second live copy is a duplicate; a copy where one of
   * the two came from {@code sync} is the overlap the protocol allows (clients apply both by id). One member's
   * copies arrive on its socket's thread, one after the other.
   */
  Receipt receivedAt(int position, boolean replay) {
    int word = position >>> 6;
    long bit = 1L << (position & 63);
    if ((receivedBy.getAndAccumulate(word, bit, (a, b) -> a | b) & bit) == 0) {
      if (!replay) {
        liveBy.getAndAccumulate(word, bit, (a, b) -> a | b);
      }
      received.incrementAndGet();
      return Receipt.FIRST;
    }
    if (replay) {
      return Receipt.RESENT_BY_SYNC;
    }
    return (liveBy.getAndAccumulate(word, bit, (a, b) -> a | b) & bit) == 0
        ? Receipt.RESENT_BY_SYNC : Receipt.DUPLICATE;
  }

  /** Answers true the first time. */
  synchronized boolean ack() {
    boolean first = !acked;
    acked = true;
    return first;
  }

  void refuse() {
    refused = true;
  }

  boolean refused() {
    return refused;
  }

  boolean acked() {
    return acked;
  }

  /** Receipts still owed: zero once every member has it, or when the server refused the send. */
  int missing() {
    return refused ? 0 : Math.max(0, expected - received.get());
  }

  /** The member positions that never received it. */
  BitSet missingPositions() {
    BitSet missing = new BitSet();
    for (int position = 0; position < roomSize; position++) {
      if ((receivedBy.get(position >>> 6) & (1L << (position & 63))) == 0) {
        missing.set(position);
      }
    }
    return missing;
  }

  boolean settled() {
    return refused || (acked && received.get() >= expected);
  }
}
