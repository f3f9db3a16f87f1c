package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Predicate;

/**
 * Applies claimed batches in the order they were claimed: new messages and updates go into {@code messages} in
 * one write, then the rooms' checkpoints forward in another. Batches claimed while a write is in flight wait, and
 * the next write takes all of them (up to {@link #MAX_CHANGES}): under load, or after a pause, the lane catches up
 * in one pair of writes instead of one pair per batch. A checkpoint must never pass a change that is not
 * applied, so a room whose writes failed is applied no further here: its changes, already durable claims, are
 * left to the room's next load, which applies everything after its checkpoint in version order. Whether a room
 * is so is asked as each write starts ({@code applicable}).
 */
final class ApplyLane {

  /** Changes one write takes at most, unless a single claimed batch is larger. */
  static final int MAX_CHANGES = 1_000;

  /** What became of a batch's changes. */
  interface Outcome {
    void applied(List<PendingChange> changes, long claimedAtNanos);

    void unapplied(List<PendingChange> changes, Throwable cause);
  }

  /** One write: the changes in version order into {@code messages}, then the rooms' checkpoints to these. */
  interface Writer {
    Future<Void> write(List<ChangeEntry> changes, Map<String, RoomCounters> reached);
  }

  private record Claimed(List<PendingChange> changes, long claimedAtNanos) {
  }

  private final Writer writer;
  private final Predicate<String> applicable;
  private final Outcome outcome;
  private final Queue<Claimed> waiting = new ArrayDeque<>();
  private boolean writing;

  ApplyLane(MessageStore messages, JournalCheckpoints checkpoints, Predicate<String> applicable, Outcome outcome) {
    this((changes, reached) -> messages.apply(changes).compose(applied -> checkpoints.advance(reached)),
        applicable, outcome);
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
        write(now).onComplete(written -> {
          try {
            if (written.succeeded()) {
              now.forEach(batch -> outcome.applied(batch.changes, batch.claimedAtNanos));
            } else {
              outcome.unapplied(now.stream().flatMap(batch -> batch.changes.stream()).toList(), written.cause());
            }
          } finally {
            writing = false;
            next();
          }
        });
      }
    }
  }

  private Future<Void> write(List<Claimed> batches) {
    List<ChangeEntry> entries = new ArrayList<>();
    Map<String, RoomCounters> reached = new HashMap<>();
    for (Claimed batch : batches) {
      for (PendingChange change : batch.changes) {
        entries.add(change.claim);
        reached.put(change.roomId, new RoomCounters(change.claim.lastSeq(), change.claim.version()));
      }
    }
    try {
      return writer.write(entries, reached);
    } catch (RuntimeException thrown) {
      // As a failed write: its changes go to their rooms' next loads, and the lane goes on.
      return Future.failedFuture(thrown);
    }
  }
}
