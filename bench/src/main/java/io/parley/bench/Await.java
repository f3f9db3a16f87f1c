package io.parley.bench;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the orchestrating thread (never an event loop) on a Vert.x future. */
public final class Await {

  private Await() {
  }

  public static <T> T result(Future<T> future, long timeoutMillis) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Waits, ignoring the outcome. */
  public static void quietly(Future<?> future, long timeoutMillis) {
    try {
      result(future, timeoutMillis);
    } catch (IllegalStateException ignored) {
      // the outcome does not matter here
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
