package io.parley.gateway;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls what a test expects to become true, briefly, for effects that travel over the bus or wait on a timer. */
final class Eventually {

  private Eventually() {
  }

  /** The first value {@code done} accepts, or the last one read once {@code timeoutMs} has passed. */
  static <T> T poll(Supplier<T> read, Predicate<T> done, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    T value = read.get();
    while (!done.test(value) && System.currentTimeMillis() < deadline) {
      sleep(50);
      value = read.get();
    }
    return value;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
