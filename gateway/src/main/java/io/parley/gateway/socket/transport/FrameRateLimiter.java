package io.parley.gateway.socket.transport;

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

  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;
  private int refusedInARow;
  private double refusedChars = REFUSED_CHARS_PER_SECOND;
  private long refusedCharsAt = System.nanoTime();

  public FrameRateLimiter(int perSecond, int burst) {
    this.perNano = perSecond / 1_000_000_000.0;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  public boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
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
    if (frame.isBinary()) {
      return null;
    }
    long now = System.nanoTime();
    refusedChars = Math.min(REFUSED_CHARS_PER_SECOND,
        refusedChars + (now - refusedCharsAt) / 1_000_000_000.0 * REFUSED_CHARS_PER_SECOND);
    refusedCharsAt = now;
    if (frame.text().length() > refusedChars) {
      return null;
    }
    refusedChars -= frame.text().length();
    return FrameReader.read(frame).ref();
  }

  /** How long after a refusal the next frame would be taken: at least 1 ms. */
  public long retryAfterMs() {
    double missing = Math.max(0, 1 - tokens);
    return Math.max(1, (long) Math.ceil(missing / perNano / 1_000_000));
  }

  public boolean shouldDisconnect() {
    return refusedInARow >= REFUSALS_BEFORE_CLOSE;
  }
}
