package io.parley.gateway;

/**
 * A token bucket: {@code perSecond} tokens a second, at most {@code capacity}, full at first. Times are
 * {@link System#nanoTime()} readings. Not thread-safe: each owner serialises its calls.
 */
public final class TokenBucket {

  private final double perNano;
  private final double capacity;
  private double tokens;
  private long at;

  public TokenBucket(double perSecond, double capacity, long now) {
    this.perNano = perSecond / 1_000_000_000.0;
    this.capacity = capacity;
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes {@code amount} when the bucket holds that much at {@code now}; otherwise takes nothing. */
  public boolean tryTake(double amount, long now) {
    tokens = Math.min(capacity, tokens + (now - at) * perNano);
    at = now;
    if (tokens < amount) {
      return false;
    }
    tokens -= amount;
    return true;
  }

  /** Milliseconds until {@code amount} is in the bucket, as of the last take (0 when it already is). */
  public long millisUntil(double amount) {
    return (long) Math.ceil(Math.max(0, amount - tokens) / perNano / 1_000_000);
  }

  /** Whether the bucket has refilled to its capacity by {@code now}. */
  public boolean isFullAt(long now) {
    return tokens + (now - at) * perNano >= capacity;
  }
}
