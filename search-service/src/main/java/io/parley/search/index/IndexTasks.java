package io.parley.search.index;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs work on the index off the event loop: every write on one writer thread, in the order asked, and searches
 * on Vert.x's worker pool, side by side.
 *
 * <p>Refreshing, which makes writes visible to searches, flushes a small segment each time, and those segments are
 * then merged away: at a refresh every 100 ms that was half of the writer thread's time under a steady load, and
 * most merges. So the timer's refreshes ({@link #refreshIfSearched}) happen only while the index is being searched
 * (a search within {@link #SEARCH_IDLE_NANOS}); the first search after a quiet spell refreshes before it reads, so
 * it sees every write made before it; and {@link MessageIndex#MAX_UNREFRESHED} writes not yet visible refresh too.
 * This is what Elasticsearch does with shards that go "search idle".
 */
public final class IndexTasks {

  /** How long after the last search the timer goes on refreshing. */
  public static final long SEARCH_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Vertx vertx;
  private final MessageIndex index;
  private final WorkerExecutor writer;
  private final LongSupplier nanoClock;
  private long lastSearchNanos;
  private boolean searchedYet;
  private boolean refreshing;
  private boolean closed;

  public IndexTasks(Vertx vertx, MessageIndex index, String name) {
    this(vertx, index, name, System::nanoTime);
  }

  /** With a clock of the test's own, in nanoseconds. */
  IndexTasks(Vertx vertx, MessageIndex index, String name, LongSupplier nanoClock) {
    this.vertx = vertx;
    this.index = index;
    this.writer = vertx.createSharedWorkerExecutor(name, 1);
    this.nanoClock = nanoClock;
  }

  /** Something done to the index, blocking. */
  public interface Task<T> {
    T run(MessageIndex index) throws Exception;
  }

  /**
   * Refused once {@link #close} was asked: the writer thread stops after the close, and a write queued behind
   * it would be handed to a stopped pool (a RejectedExecutionException on that thread).
   */
  public <T> Future<T> write(Task<T> task) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("the search index is closed"));
    }
    return writer.executeBlocking(() -> task.run(index), true);
  }

  public boolean isClosed() {
    return closed;
  }

  /** A search; after a quiet spell, on a refreshed view that holds every write asked before it. Event loop. */
  public <T> Future<T> read(MessageIndex.Search<T> search) {
    boolean idle = searchIdle();
    lastSearchNanos = nanoClock.getAsLong();
    searchedYet = true;
    Future<Void> fresh = idle ? write(MessageIndex::refreshNow) : Future.succeededFuture();
    return fresh.compose(refreshed -> vertx.executeBlocking(() -> index.search(search), false));
  }

  /** The timer's refresh: only while searches are made, and one at a time (each covers every write before it). */
  public void refreshIfSearched() {
    if (refreshing || closed || searchIdle()) {
      return;
    }
    refreshing = true;
    write(MessageIndex::refreshNow).onComplete(done -> refreshing = false);
  }

  private boolean searchIdle() {
    return !searchedYet || nanoClock.getAsLong() - lastSearchNanos > SEARCH_IDLE_NANOS;
  }

  /** Closes the index after every write asked before, then the writer thread. */
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    Future<Void> closing = write(index -> {
      index.close();
      return null;
    }).<Void>mapEmpty().eventually(writer::close);
    closed = true;
    return closing;
  }
}
