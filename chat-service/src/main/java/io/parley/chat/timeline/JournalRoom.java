package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/** What one chat-service instance knows of one room's journal, and the queue that serialises its changes here. */
final class JournalRoom {

  final String roomId;
  long lastSeq;
  long version;
  boolean loaded;
  /** Set once the room's journal is removed with the room: nothing more is recorded for it. */
  boolean removed;
  /** Until when another instance asked this one not to write to the room. */
  long holdUntil;
  /** Versions applied by this instance whose pending entries the next compare-and-set removes. */
  final Set<Long> applied = new HashSet<>();
  private Future<?> tail = Future.succeededFuture();

  JournalRoom(String roomId) {
    this.roomId = roomId;
  }

  RoomCounters counters() {
    return new RoomCounters(lastSeq, version);
  }

  /** Runs work once everything queued before it on this room has completed, whether it succeeded or not. */
  <T> Future<T> enqueue(Function<JournalRoom, Future<T>> work) {
    Promise<T> promise = Promise.promise();
    tail = tail.transform(ignored -> {
      Future<T> result;
      try {
        result = work.apply(this);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(promise);
      return result.transform(done -> Future.succeededFuture());
    });
    return promise.future();
  }
}
