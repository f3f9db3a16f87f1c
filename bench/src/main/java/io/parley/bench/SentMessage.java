package io.parley.bench;

import java.util.BitSet;

/**
 * One message the load generator sent: when it was meant to go (the latency origin, so a late send is not
 * forgiven), how many members should receive it, and which member positions did.
 */
final class SentMessage {

  final String roomId;
  final long intendedNanos;
  final int expected;
  private final BitSet receivedBy = new BitSet();
  private final BitSet liveBy = new BitSet();
  private int received;
  private boolean acked;
  private boolean refused;

  SentMessage(String roomId, long intendedNanos, int expected) {
    this.roomId = roomId;
    this.intendedNanos = intendedNanos;
    this.expected = expected;
  }

  /** How a receipt relates to the member's earlier ones. */
  enum Receipt { FIRST, DUPLICATE, RESENT_BY_SYNC }

  /**
   * Records a receipt by the member at {@code position}. A second live copy is a duplicate; a copy where one of
   * the two came from {@code sync} is the overlap the protocol allows (clients apply both by id).
   */
  synchronized Receipt receivedAt(int position, boolean replay) {
    if (!receivedBy.get(position)) {
      receivedBy.set(position);
      if (!replay) {
        liveBy.set(position);
      }
      received++;
      return Receipt.FIRST;
    }
    if (replay || !liveBy.get(position)) {
      liveBy.set(position);
      return Receipt.RESENT_BY_SYNC;
    }
    return Receipt.DUPLICATE;
  }

  synchronized boolean ack() {
    boolean first = !acked;
    acked = true;
    return first;
  }

  synchronized void refuse() {
    refused = true;
  }

  synchronized boolean refused() {
    return refused;
  }

  synchronized boolean acked() {
    return acked;
  }

  /** Receipts still owed: zero once every member has it, or when the server refused the send. */
  synchronized int missing() {
    return refused ? 0 : Math.max(0, expected - received);
  }

  /** The member positions that never received it. */
  synchronized BitSet missingPositions() {
    BitSet missing = new BitSet();
    missing.set(0, expected);
    missing.andNot(receivedBy);
    return missing;
  }

  synchronized boolean settled() {
    return refused || (acked && received >= expected);
  }
}
