package io.parley.chat.timeline;

import io.vertx.core.Vertx;

/**
 * How long a claim waits for company. A claim costs about the same store round trips whether it holds one change
 * or fifty, so when changes arrive faster than one per {@code lingerMs} and the writer is idle, the first of them
 * waits up to {@code lingerMs} for the next ones. Changes that arrive while a claim is in flight never wait: they
 * make the next claim as soon as that one ends. At low load (changes further apart than {@code lingerMs}) nothing
 * waits at all, and a batch is one change.
 */
final class Linger {

  private final Vertx vertx;
  private final long lingerMs;
  private final Runnable wake;
  /** The mean time between changes, smoothed over the last few dozen. */
  private double meanGapMs = Double.MAX_VALUE;
  private long lastArrivalNanos;
  private boolean timing;
  private boolean over;

  Linger(Vertx vertx, long lingerMs, Runnable wake) {
    this.vertx = vertx;
    this.lingerMs = lingerMs;
    this.wake = wake;
  }

  void arrived() {
    long now = System.nanoTime();
    if (lastArrivalNanos != 0) {
      double gapMs = (now - lastArrivalNanos) / 1e6;
      meanGapMs = meanGapMs == Double.MAX_VALUE ? gapMs : meanGapMs * 0.9 + gapMs * 0.1;
    }
    lastArrivalNanos = now;
  }

  /** Whether changes ready now may be claimed now; when not, the writer is woken once they may. */
  boolean mayClaim() {
    if (over || lingerMs <= 0 || meanGapMs >= lingerMs) {
      return true;
    }
    if (!timing) {
      timing = true;
      vertx.setTimer(lingerMs, timer -> {
        timing = false;
        over = true;
        wake.run();
      });
    }
    return false;
  }

  void claimStarted() {
    over = false;
  }

  /** A claim ended: what arrived meanwhile has waited for it already. */
  void claimEnded(boolean changesWaiting) {
    over = changesWaiting;
  }
}
