package io.parley.gateway.socket.transport;

import io.parley.gateway.TokenBucket;

/**
 * A token bucket per socket: {@code perSecond} frames a second with bursts of {@code burst}. A client that keeps
 * going past it while refused is closed: {@link #shouldDisconnect()}. A refused frame is read only for its
 * {@code ref}, and only up to {@link #REFUSED_CHARS_PER_SECOND}: {@link #refOfRefused}.
 */
public final class FrameRateLimiter {

  /** Refused frames in a row, with no accepted frame between, before the socket is closed. */
  private static final int REFUSALS_BEFORE_CLOSE = 50;
  /**
   * Characters of refused frames read a second (one frame of the largest size): a client that sends one
   * accepted frame between each 49 refused ones cannot make the gateway parse much more than it accepts.
   */
  private static final int REFUSED_CHARS_PER_SECOND = 64 * 1024;

  private final TokenBucket frames;
  private final TokenBucket refusedChars =
      new TokenBucket(REFUSED_CHARS_PER_SECOND, REFUSED_CHARS_PER_SECOND, System.nanoTime());
  private int refusedInARow;

  public FrameRateLimiter(int perSecond, int burst) {
    this.frames = new TokenBucket(perSecond, burst, System.nanoTime());
  }

  public boolean tryAcquire() {
    if (frames.tryTake(1, System.nanoTime())) {
      refusedInARow = 0;
      return true;
    }
    refusedInARow++;
    return false;
  }

  /**
   * The ref of a refused frame, so that the client knows which request to send again; null for a binary frame,
   * one without a readable ref, or one past this second's reading budget.
   */
  public Object refOfRefused(InboundFrame frame) {
    if (frame.isBinary() || !refusedChars.tryTake(frame.text().length(), System.nanoTime())) {
      return null;
    }
    return FrameReader.read(frame).ref();
  }

  /** How long after a refusal the next frame would be taken: at least 1 ms. */
  public long retryAfterMs() {
    return Math.max(1, frames.millisUntil(1));
  }

  public boolean shouldDisconnect() {
    return refusedInARow >= REFUSALS_BEFORE_CLOSE;
  }
}
