package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies claimed batches one after the other, in the order they were claimed: a batch's new messages and
 * updates go into {@code messages} in one write, then its rooms' checkpoints forward in another. A checkpoint
 * must never pass a change that is not applied, so a room whose writes failed is applied no further here: its
 * changes, already durable claims, are left to the room's next load, which applies everything after its
 * checkpoint in version order. Whether a room is so is asked as each batch starts ({@code applicable}).
 */
final class ApplyLane {

  /** What became of a batch's changes. */
  interface Outcome {
    void applied(List<PendingChange> changes, long claimedAtNanos);

    void unapplied(List<PendingChange> changes, Throwable cause);
  }

  private final MessageStore messages;
  private final JournalCheckpoints checkpoints;
  private final Predicate<String> applicable;
  private final Outcome outcome;
  private Future<Void> tail = Future.succeededFuture();

  ApplyLane(MessageStore messages, JournalCheckpoints checkpoints, Predicate<String> applicable, Outcome outcome) {
    this.messages = messages;
    this.checkpoints = checkpoints;
    this.applicable = applicable;
    this.outcome = outcome;
  }

  void add(List<PendingChange> claimed, long claimedAtNanos) {
    tail = tail.transform(previous -> {
      List<PendingChange> now = new ArrayList<>();
      List<PendingChange> later = new ArrayList<>();
      claimed.forEach(change -> (applicable.test(change.roomId) ? now : later).add(change));
      if (!later.isEmpty()) {
        outcome.unapplied(later, null);
      }
      if (now.isEmpty()) {
        return Future.succeededFuture();
      }
      return write(now).transform(written -> {
        if (written.succeeded()) {
          outcome.applied(now, claimedAtNanos);
        } else {
          outcome.unapplied(now, written.cause());
        }
        return Future.succeededFuture();
      });
    });
  }

  private Future<Void> write(List<PendingChange> changes) {
    List<ChangeEntry> entries = new ArrayList<>(changes.size());
    Map<String, RoomCounters> reached = new HashMap<>();
    for (PendingChange change : changes) {
      entries.add(change.claim);
      reached.put(change.roomId, new RoomCounters(change.claim.lastSeq(), change.claim.version()));
    }
    return messages.apply(entries).compose(applied -> checkpoints.advance(reached));
  }
}
