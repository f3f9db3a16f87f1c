package io.parley.chat.timeline;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The writer's load shedding. Past what the store takes, changes would wait longer and longer, until every
 * sender had given up (the gateway's request times out after {@link BusClient#TIMEOUT_MS}) while the writer
 * still wrote and delivered what they sent: at 1.5 times its capacity the bench saw every send refused and the
 * server busy. So a new message is refused at once, with a retry-after, while the oldest change this writer
 * holds unanswered has waited longer than the limit; and any change still unclaimed when its sender is about to
 * be told it failed is refused rather than written. A refused change records nothing. Updates of messages (edits,
 * reactions, a thread's summary after a reply) are not refused for the limit: they are few, and a reply's summary
 * must follow the reply that was taken.
 *
 * <p>The measure is the oldest unanswered change, not the length of the queue: it holds whatever makes changes
 * wait (the store, the apply lane, a stall), and it is what a sender waits for.
 */
final class Admission {

  /** A change unclaimed this long is refused: its request is about to time out at its caller. */
  static final long GIVE_UP_NANOS = (BusClient.TIMEOUT_MS - 1_000) * 1_000_000;
  private static final long RETRY_AFTER_SECONDS = 1;

  private final long limitNanos;
  private final WriteMetrics metrics;
  /** Changes admitted, in their order; the answered ones leave as they reach the front. */
  private final Deque<PendingChange> unanswered = new ArrayDeque<>();

  /** Refuses new changes while the oldest unanswered one waited over {@code limitMs}; 0 refuses nothing. */
  Admission(long limitMs, WriteMetrics metrics) {
    this.limitNanos = limitMs * 1_000_000;
    this.metrics = metrics;
  }

  /** Whether a change may wait for its turn; if so, it counts among the unanswered. */
  boolean admits(PendingChange change) {
    if (limitNanos <= 0) {
      return true;
    }
    PendingChange oldest;
    while ((oldest = unanswered.peek()) != null && oldest.promise.future().isComplete()) {
      unanswered.poll();
    }
    if (!change.isUpdate() && oldest != null && change.arrivedNanos - oldest.arrivedNanos > limitNanos) {
      return false;
    }
    unanswered.add(change);
    return true;
  }

  /** Whether an unclaimed change waited so long that it is refused rather than claimed. */
  boolean givenUp(PendingChange change, long nowNanos) {
    return limitNanos > 0 && nowNanos - change.arrivedNanos > GIVE_UP_NANOS;
  }

  /** Refuses a change not admitted, or given up: the store is behind, and a send after a moment is likely taken. */
  void refuse(PendingChange change) {
    metrics.refused();
    change.promise.fail(new ServiceError(ErrorCode.UNAVAILABLE, "Too many messages at once: send again in a moment.",
        List.of(), RETRY_AFTER_SECONDS));
  }
}
