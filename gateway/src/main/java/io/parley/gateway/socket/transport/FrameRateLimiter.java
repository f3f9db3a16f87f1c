package io.parley.gateway.socket.transport;

/**
 * A token bucket per socket: {@code perSecond} frames a second with bursts of {@code burst}. A client that keeps
 * going past it while refused is closed: {@link #shouldDisconnect()}.
 */
public final class FrameRateLimiter {

  /** Refused frames in a row, with no accepted frame between, before the socket is closed. */
  private static final int REFUSALS_BEFORE_CLOSE = 50;

  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;
  private int refusedInARow;

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

  /** How long after a refusal the next frame would be taken: at least 1 ms. */
  public long retryAfterMs() {
    double missing = Math.max(0, 1 - tokens);
    return Math.max(1, (long) Math.ceil(missing / perNano / 1_000_000));
  }

  public boolean shouldDisconnect() {
    return refusedInARow >= REFUSALS_BEFORE_CLOSE;
  }
}
