package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs {@code count} asynchronous tasks, at most {@code concurrency} at once; fails on the first failure. */
public final class Parallel {

  private Parallel() {
  }

  public static <T> Future<List<T>> run(int count, int concurrency, IntFunction<Future<T>> task) {
    if (count == 0) {
      return Future.succeededFuture(List.of());
    }
    List<T> results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
    Promise<List<T>> done = Promise.promise();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] startNext = new Runnable[1];
    startNext[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= count) {
        return;
      }
      Future<T> outcome;
      try {
        outcome = task.apply(i);
      } catch (RuntimeException e) {
        outcome = Future.failedFuture(e);
      }
      outcome.onComplete(result -> {
        if (result.failed()) {
          done.tryFail(new IllegalStateException("task " + i + " failed: " + result.cause().getMessage(),
              result.cause()));
          return;
        }
        results.set(i, result.result());
        if (finished.incrementAndGet() == count) {
          done.tryComplete(new ArrayList<>(results));
        } else {
          startNext[0].run();
        }
      });
    };
    for (int i = 0; i < Math.min(concurrency, count); i++) {
      startNext[0].run();
    }
    return done.future();
  }
}
