package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * A fixed schedule that does not wait for answers: action i is due at {@code start + i / rate}, and whoever
 * measures it measures from that instant, so a server (or client) that stalls is charged for the whole stall
 * rather than the schedule quietly slowing down with it (no coordinated omission).
 */
public final class OpenLoopSchedule {

  /** What to do for action {@code index}, due at {@code intendedNanos} ({@link System#nanoTime()}). */
  public interface Action {
    void run(long index, long intendedNanos);
  }

  /** The window the schedule covered, in {@link System#nanoTime()}. */
  public record Window(long startNanos, long endNanos, long count) {
  }

  private OpenLoopSchedule() {
  }

  /** Runs {@code rate} actions a second for {@code durationMillis}, checking every millisecond what is due. */
  public static Future<Window> run(Vertx vertx, double rate, long durationMillis, Action action) {
    long total = Math.max(1, Math.round(rate * durationMillis / 1000.0));
    double intervalNanos = 1e9 / rate;
    Promise<Window> done = Promise.promise();
    long start = System.nanoTime();
    long[] next = {0};
    vertx.setPeriodic(1, timer -> {
      long due = Math.min(total, (long) ((System.nanoTime() - start) / intervalNanos) + 1);
      while (next[0] < due) {
        long i = next[0]++;
        action.run(i, start + (long) (i * intervalNanos));
      }
      if (next[0] >= total) {
        vertx.cancelTimer(timer);
        done.complete(new Window(start, System.nanoTime(), total));
      }
    });
    return done.future();
  }
}
