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
    return new Runner<>(count, task).start(concurrency);
  }

  /** Starts tasks as earlier ones finish; tasks that finish at once are looped over, not recursed into. */
  private static final class Runner<T> {
    private final int count;
    private final IntFunction<Future<T>> task;
    private final List<T> results;
    private final Promise<List<T>> done = Promise.promise();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    Runner(int count, IntFunction<Future<T>> task) {
      this.count = count;
      this.task = task;
      this.results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
    }

    Future<List<T>> start(int concurrency) {
      for (int i = 0; i < Math.min(concurrency, count); i++) {
        startNext();
      }
      return done.future();
    }

    private void startNext() {
      while (true) {
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
        if (!outcome.isComplete()) {
          outcome.onComplete(result -> {
            if (finish(i, result)) {
              startNext();
            }
          });
          return;
        }
        if (!finish(i, outcome)) {
          return;
        }
      }
    }

    /** Records one outcome; answers whether to go on. */
    private boolean finish(int i, io.vertx.core.AsyncResult<T> result) {
      if (result.failed()) {
        done.tryFail(new IllegalStateException("task " + i + " failed: " + result.cause().getMessage(),
            result.cause()));
        return false;
      }
      results.set(i, result.result());
      if (finished.incrementAndGet() == count) {
        done.tryComplete(new ArrayList<>(results));
      }
      return true;
    }
  }
}
