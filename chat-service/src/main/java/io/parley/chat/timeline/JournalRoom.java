package io.parley.chat.timeline;

import io.parley.contract.ServiceError;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** What one chat-service instance knows of one room's timeline, and the changes it has waiting for the room. */
final class JournalRoom {

  final String roomId;
  /** The last version claimed in the change log, by anyone, as far as this instance knows, and its last seq. */
  long version;
  long lastSeq;
  /** False until the checkpoint and every change claimed after it are read and applied, and again when stale. */
  boolean loaded;
  boolean loading;
  /** Set once the room is removed with its room: nothing more is recorded for it. */
  boolean removed;
  /** A change's decision or a refused claim is being looked into: the room's queue waits. */
  boolean busy;
  /** Until when another instance asked this one not to write to the room; a timer wakes it then. */
  long holdUntil;
  boolean holdTimer;
  /** Claims lost to other instances in a row. */
  int conflicts;
  /** This instance's changes of the room claimed or being claimed, not yet applied. */
  int inFlight;
  final Deque<PendingChange> waiting = new ArrayDeque<>();
  final List<Promise<RoomCounters>> catchUps = new ArrayList<>();
  Promise<Void> drained;

  JournalRoom(String roomId) {
    this.roomId = roomId;
  }

  RoomCounters counters() {
    return new RoomCounters(lastSeq, version);
  }

  /** This instance's claim of the room's next version was written. */
  void claimed(ChangeEntry claim) {
    version = claim.version();
    lastSeq = claim.lastSeq();
    conflicts = 0;
  }

  /** Whether it must be read from the store before its next claim. */
  boolean needsLoad() {
    return !loaded || !catchUps.isEmpty();
  }

  /** Decides the update at the front on its message as stored, the queue waiting meanwhile; fails it if refused. */
  void decide(PendingChange change, MessageStore messages, Consumer<JournalRoom> wake) {
    busy = true;
    change.decideOn(messages).onComplete(decided -> {
      busy = false;
      if (decided.failed()) {
        waiting.remove(change);
        change.promise.fail(decided.cause());
      }
      wake.accept(this);
    });
  }

  /** Takes back changes whose claim was not made, or not applied, ahead of what waits. */
  void requeue(List<PendingChange> changes) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      waiting.addFirst(changes.get(i));
    }
  }

  /** Fails what waits for a removed room; true once nothing of it is in flight any more. */
  boolean drop() {
    waiting.forEach(change -> change.promise.tryFail(ServiceError.notFound("Room")));
    waiting.clear();
    catchUps.forEach(caughtUp -> caughtUp.tryFail(ServiceError.notFound("Room")));
    catchUps.clear();
    if (inFlight > 0) {
      return false;
    }
    drained.tryComplete();
    return true;
  }

  /** Whether another instance asked this one to hold back from the room now; a timer wakes it when that ends. */
  boolean held(Vertx vertx, Consumer<JournalRoom> wake) {
    long hold = holdUntil - System.currentTimeMillis();
    if (hold <= 0) {
      return false;
    }
    if (!holdTimer) {
      holdTimer = true;
      vertx.setTimer(hold, timer -> {
        holdTimer = false;
        wake.accept(this);
      });
    }
    return true;
  }
}
