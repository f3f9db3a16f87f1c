package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Predicate;

/**
 * Applies claimed batches in the order they were claimed: new messages and updates go into {@code messages} in
 * one write, then the rooms' checkpoints forward in another, which is durable (it waits for the store's commit,
 * and the messages before it go along). Batches claimed while a messages write is in flight wait, and the next
 * write takes all of them (up to {@link #MAX_CHANGES}). The next messages write starts as soon as the one before
 * is answered, while that one's checkpoints wait for their commit: under load a commit then serves the
 * checkpoints of several writes instead of the lane waiting a commit per write. Outcomes are told in the order
 * of the writes. A checkpoint must never pass a change that is not applied, so a room whose writes failed is
 * applied no further here: its changes, already durable claims, are left to the room's next load, which applies
 * everything after its checkpoint in version order. Whether a room is so is asked as each write starts and again
 * as its outcome is told ({@code applicable}), so that a room's changes are never told before its earlier ones.
 */
final class ApplyLane {

  /** Changes one write takes at most, unless a single claimed batch is larger. */
  static final int MAX_CHANGES = 1_000;

  /** What became of a batch's changes. */
  interface Outcome {
    void applied(List<PendingChange> changes, long claimedAtNanos);

    void unapplied(List<PendingChange> changes, Throwable cause);
  }

  /** The two writes of a step: the changes in version order into {@code messages}, then the rooms' checkpoints. */
  interface Writer {
    Future<Void> apply(List<ChangeEntry> changes);

    Future<Void> checkpoint(Map<String, RoomCounters> reached);
  }

  private record Claimed(List<PendingChange> changes, long claimedAtNanos) {
  }

  /** One write's batches, its messages write's answer, and its checkpoints' (or the messages write's failure). */
  private record Step(List<Claimed> batches, Future<Void> applied, Future<Void> done) {
  }

  private final Writer writer;
  private final Predicate<String> applicable;
  private final Outcome outcome;
  private final Queue<Claimed> waiting = new ArrayDeque<>();
  private final Queue<Step> told = new ArrayDeque<>();
  private boolean writing;

  ApplyLane(MessageStore messages, JournalCheckpoints checkpoints, Predicate<String> applicable, Outcome outcome) {
    this(new Writer() {
      @Override
      public Future<Void> apply(List<ChangeEntry> changes) {
        return messages.apply(changes);
      }

      @Override
      public Future<Void> checkpoint(Map<String, RoomCounters> reached) {
        return checkpoints.advance(reached);
      }
    }, applicable, outcome);
  }

  ApplyLane(Writer writer, Predicate<String> applicable, Outcome outcome) {
    this.writer = writer;
    this.applicable = applicable;
    this.outcome = outcome;
  }

  void add(List<PendingChange> claimed, long claimedAtNanos) {
    waiting.add(new Claimed(claimed, claimedAtNanos));
    next();
  }

  /** Starts the next write with every batch waiting that fits, after setting aside the rooms not applicable. */
  private void next() {
    while (!writing && !waiting.isEmpty()) {
      List<Claimed> now = new ArrayList<>();
      List<PendingChange> later = new ArrayList<>();
      int size = 0;
      do {
        Claimed batch = waiting.poll();
        size += batch.changes.size();
        List<PendingChange> applying = new ArrayList<>(batch.changes.size());
        batch.changes.forEach(change -> (applicable.test(change.roomId) ? applying : later).add(change));
        if (!applying.isEmpty()) {
          now.add(new Claimed(applying, batch.claimedAtNanos));
        }
      } while (!waiting.isEmpty() && size + waiting.peek().changes.size() <= MAX_CHANGES);
      if (!later.isEmpty()) {
        outcome.unapplied(later, null);
      }
      if (!now.isEmpty()) {
        writing = true;
        Promise<Void> checkpointed = Promise.promise();
        Future<Void> applied = write(now, checkpointed);
        told.add(new Step(now, applied, checkpointed.future()));
        applied.onComplete(written -> {
          // After a failed messages write the lane waits until it is told, which sets its rooms aside: a later
          // write of those rooms would move their checkpoints past changes that may not be written.
          writing = written.failed();
          checkpointed.future().onComplete(done -> tell());
          next();
        });
      }
    }
  }

  /** Tells the outcomes of the steps answered, in the order of their writes. */
  private void tell() {
    while (!told.isEmpty() && told.peek().done.isComplete()) {
      Step step = told.poll();
      if (step.done.failed()) {
        outcome.unapplied(step.batches.stream().flatMap(batch -> batch.changes.stream()).toList(),
            step.done.cause());
        writing = writing && !step.applied.failed();
        continue;
      }
      List<PendingChange> setAside = new ArrayList<>();
      for (Claimed batch : step.batches) {
        List<PendingChange> applied = new ArrayList<>(batch.changes.size());
        batch.changes.forEach(change -> (applicable.test(change.roomId) ? applied : setAside).add(change));
        if (!applied.isEmpty()) {
          outcome.applied(applied, batch.claimedAtNanos);
        }
      }
      if (!setAside.isEmpty()) {
        outcome.unapplied(setAside, null);
      }
    }
    next();
  }

  /**
   * Writes the messages, then starts the checkpoints without waiting for them: the future answers when the
   * messages are written (or failed), {@code checkpointed} when the checkpoints are (or either failed).
   */
  private Future<Void> write(List<Claimed> batches, Promise<Void> checkpointed) {
    List<ChangeEntry> entries = new ArrayList<>();
    Map<String, RoomCounters> reached = new HashMap<>();
    for (Claimed batch : batches) {
      for (PendingChange change : batch.changes) {
        entries.add(change.claim);
        reached.put(change.roomId, new RoomCounters(change.claim.lastSeq(), change.claim.version()));
      }
    }
    Future<Void> applied;
    try {
      applied = writer.apply(entries);
    } catch (RuntimeException thrown) {
      // As a failed write: its changes go to their rooms' next loads, and the lane goes on.
      applied = Future.failedFuture(thrown);
    }
    return applied.andThen(done -> {
      if (done.failed()) {
        checkpointed.fail(done.cause());
        return;
      }
      try {
        writer.checkpoint(reached).onComplete(checkpointed);
      } catch (RuntimeException thrown) {
        checkpointed.fail(thrown);
      }
    });
  }
}
