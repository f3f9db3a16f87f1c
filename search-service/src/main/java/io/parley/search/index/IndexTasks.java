package io.parley.search.index;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Runs work on the index off the event loop: every write on one writer thread, in the order asked, and searches
 * on Vert.x's worker pool, side by side.
 */
public final class IndexTasks {

  private final Vertx vertx;
  private final MessageIndex index;
  private final WorkerExecutor writer;
  private boolean closed;

  public IndexTasks(Vertx vertx, MessageIndex index, String name) {
    this.vertx = vertx;
    this.index = index;
    this.writer = vertx.createSharedWorkerExecutor(name, 1);
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

  public <T> Future<T> read(MessageIndex.Search<T> search) {
    return vertx.executeBlocking(() -> index.search(search), false);
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
