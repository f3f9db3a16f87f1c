package io.parley.chat.membership;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Read markers written behind. Each message marks itself read for its sender, and writing that once per message
 * was a store round trip per message; here the latest seq per membership is kept and written every
 * {@link #FLUSH_MS} in one bulk write ({@code $max}, so never backwards), while reads of a membership see it
 * meanwhile ({@link #atLeast}). A marker lost with its instance only leaves the sender's own newest messages
 * unread for them.
 */
final class ReadMarkBuffer {

  static final long FLUSH_MS = 250;

  private final Vertx vertx;
  private final Function<Map<String, Long>, Future<Void>> write;
  private Map<String, Long> pending = new HashMap<>();
  private Map<String, Long> writing = Map.of();
  private Future<Void> written = Future.succeededFuture();
  private boolean scheduled;

  ReadMarkBuffer(Vertx vertx, Function<Map<String, Long>, Future<Void>> write) {
    this.vertx = vertx;
    this.write = write;
  }

  void mark(String membershipId, long seq) {
    pending.merge(membershipId, seq, Math::max);
    schedule();
  }

  /** The marker of a membership as read from the store, or the one waiting here when that is further. */
  long atLeast(String membershipId, long stored) {
    long marked = Math.max(pending.getOrDefault(membershipId, 0L), writing.getOrDefault(membershipId, 0L));
    return Math.max(stored, marked);
  }

  /** Writes what is waiting (after the write under way, if any); completes once it is stored. */
  Future<Void> flush() {
    written = written.transform(previous -> {
      if (pending.isEmpty()) {
        return Future.succeededFuture();
      }
      writing = pending;
      pending = new HashMap<>();
      return write.apply(writing).onComplete(done -> {
        if (done.failed()) {
          writing.forEach((membershipId, seq) -> pending.merge(membershipId, seq, Math::max));
          schedule();
        }
        writing = Map.of();
      });
    });
    return written;
  }

  private void schedule() {
    if (!scheduled) {
      scheduled = true;
      vertx.setTimer(FLUSH_MS, timer -> {
        scheduled = false;
        flush();
      });
    }
  }
}
