package io.parley.chat.timeline;

import io.parley.contract.ServiceError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's writer of timeline changes: a group commit. Changes wait in their room's queue; whenever no
 * claim is in flight, every change ready in any room is numbered and claimed in one ordered insert into the
 * change log ({@link ChangeLog#claim}), then applied ({@link ApplyLane}), and only then completed. Changes that
 * arrive while a claim is in flight share the next one ({@link Linger}). Past what the store takes, changes are
 * refused rather than left to wait ({@link Admission}). It runs on the context that made it.
 *
 * <p>A room is read from the store ({@link RoomLoader}) before its first claim here, and again whenever what this
 * instance knows of it may be stale: another instance took a version first, a claim or a write got no answer, a
 * reader asked to catch up. A load finds this instance's own claims by their tokens and completes their changes,
 * so a change is never claimed twice for want of an answer. An update is decided on its message as stored, once
 * nothing of the room is in flight before it, and decided again after any load.
 */
final class GroupCommit implements ApplyLane.Outcome {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_ATTEMPTS = 100;
  /** Changes one claim takes at most: unbounded, an overload's 100,000 held the event loop 30 s in the driver. */
  static final int MAX_CLAIM = ApplyLane.MAX_CHANGES;

  private final Vertx vertx;
  private final Context context;
  private final ChangeLog changes;
  private final MessageStore messages;
  private final RoomLoader loader;
  private final ApplyLane applies;
  private final Resends resends;
  private final Linger linger;
  private final Admission admission;
  private final WriteMetrics metrics = new WriteMetrics();
  private final Map<String, JournalRoom> rooms = new HashMap<>();
  /** Rooms with something to do: changes waiting, a load asked for, a removal to finish. */
  private final Set<JournalRoom> ready = new LinkedHashSet<>();
  /** This instance's changes claimed and not yet applied, by token. */
  private final Map<String, PendingChange> inFlight = new HashMap<>();
  private boolean claiming;
  private boolean scheduled;

  GroupCommit(Vertx vertx, ChangeLog changes, MessageStore messages, JournalCheckpoints checkpoints,
      Orphans orphans, RoomJournal.Settings settings, Consumer<String> askToYield) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.changes = changes;
    this.messages = messages;
    this.loader = new RoomLoader(vertx, changes, messages, checkpoints, orphans, this::wake);
    this.applies = new ApplyLane(messages, checkpoints, roomId -> room(roomId).loaded, this);
    this.resends = new Resends(changes, messages, inFlight, askToYield, this::wake);
    this.linger = new Linger(vertx, settings.lingerMs(), this::schedule);
    this.admission = new Admission(settings.queueLimitMs(), metrics);
  }

  JournalRoom room(String roomId) {
    return rooms.computeIfAbsent(roomId, JournalRoom::new);
  }

  Future<RoomJournal.Recorded> submit(PendingChange change) {
    JournalRoom room = room(change.roomId);
    if (room.removed) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    if (!admission.admits(change)) {
      admission.refuse(change);
    } else {
      room.waiting.add(change);
      linger.arrived();
      wake(room);
    }
    return change.promise.future();
  }

  /** The room, when this instance has touched it. */
  JournalRoom existing(String roomId) {
    return rooms.get(roomId);
  }

  void wake(JournalRoom room) {
    ready.add(room);
    schedule();
  }

  private void schedule() {
    if (!scheduled) {
      scheduled = true;
      context.runOnContext(ignored -> {
        scheduled = false;
        form();
      });
    }
  }

  /** Starts what can start: loads of the rooms that need one, and one claim of every change ready, across rooms. */
  private void form() {
    List<JournalRoom> toLoad = new ArrayList<>();
    List<PendingChange> batch = new ArrayList<>();
    Boolean claimNow = null;
    for (Iterator<JournalRoom> it = ready.iterator(); it.hasNext(); ) {
      JournalRoom room = it.next();
      if (room.removed) {
        if (room.drop()) {
          it.remove();
        }
      } else if (room.busy || room.loading) {
        continue;
      } else if (room.needsLoad()) {
        if (room.inFlight == 0) {
          toLoad.add(room);
        }
      } else if (!claiming && batch.size() < MAX_CLAIM && !room.held(vertx, this::wake)
          && (claimNow != null ? claimNow : (claimNow = linger.mayClaim()))) {
        take(room, batch);
        if (room.waiting.isEmpty()) {
          it.remove();
        }
      }
    }
    if (!toLoad.isEmpty()) {
      loader.load(toLoad);
    }
    if (!batch.isEmpty()) {
      claim(batch);
    }
  }

  /** Numbers the room's ready changes after what this instance knows of it; the claim's limit leaves the rest. */
  private void take(JournalRoom room, List<PendingChange> batch) {
    long version = room.version;
    long lastSeq = room.lastSeq;
    long now = System.nanoTime();
    while (!room.waiting.isEmpty() && batch.size() < MAX_CLAIM) {
      PendingChange next = room.waiting.peek();
      if (admission.givenUp(next, now)) {
        admission.refuse(room.waiting.poll());
        continue;
      }
      if (!next.isReady()) {
        if (room.inFlight == 0) {
          room.decide(next, messages, this::wake);
        }
        return;
      }
      room.waiting.poll();
      ChangeEntry entry = next.numbered(version, lastSeq);
      version = entry.version();
      lastSeq = entry.lastSeq();
      room.inFlight++;
      batch.add(next);
    }
  }

  private void claim(List<PendingChange> batch) {
    claiming = true;
    linger.claimStarted();
    long started = System.nanoTime();
    changes.claim(batch.stream().map(change -> change.claim).toList()).onComplete(answer -> {
      claiming = false;
      ChangeLog.Claimed claimed = answer.result(); // ChangeLog.claim answers every failure as a Claimed
      List<PendingChange> written = new ArrayList<>(batch.subList(0, claimed.written()));
      for (PendingChange change : written) {
        room(change.roomId).claimed(change.claim);
        inFlight.put(change.token, change);
      }
      if (!written.isEmpty()) {
        applies.add(written, started);
      }
      settle(batch, claimed);
      linger.claimEnded(!ready.isEmpty());
      form();
    });
  }

  /** The changes of a batch after the first one the claim wrote no more of. */
  private void settle(List<PendingChange> batch, ChangeLog.Claimed claimed) {
    int stop = claimed.written();
    if (stop == batch.size()) {
      return;
    } else if (claimed.stop() == ChangeLog.Stop.UNKNOWN) {
      LOG.warn("a claim of {} changes got no answer; their rooms are read again", batch.size(), claimed.cause());
      requeue(batch);
      batch.forEach(change -> room(change.roomId).loaded = false);
      return;
    }
    requeue(batch.subList(stop + 1, batch.size()));
    PendingChange stopped = batch.get(stop);
    JournalRoom room = room(stopped.roomId);
    room.inFlight--;
    if (claimed.stop() == ChangeLog.Stop.REFUSED) {
      stopped.promise.fail(claimed.cause());
    } else if (++stopped.attempts > MAX_ATTEMPTS) {
      stopped.promise.fail(new IllegalStateException("room " + room.roomId + " is contended beyond "
          + MAX_ATTEMPTS + " attempts"));
    } else {
      resends.taken(room, stopped);
    }
  }

  /** Takes changes back to the front of their rooms' queues, in their order. */
  private void requeue(List<PendingChange> changes) {
    Map<JournalRoom, List<PendingChange>> byRoom = new LinkedHashMap<>();
    changes.forEach(change -> byRoom.computeIfAbsent(room(change.roomId), room -> new ArrayList<>()).add(change));
    byRoom.forEach((room, ofRoom) -> {
      room.inFlight -= ofRoom.size();
      room.requeue(ofRoom);
      wake(room);
    });
  }

  @Override
  public void applied(List<PendingChange> batch, long claimedAtNanos) {
    metrics.batch(batch.size(), (int) batch.stream().filter(change -> change.claim.isCreate()).count(),
        System.nanoTime() - claimedAtNanos);
    for (PendingChange change : batch) {
      inFlight.remove(change.token);
      JournalRoom room = room(change.roomId);
      room.inFlight--;
      change.promise.complete(change.recorded(change.claim));
      wake(room);
    }
  }

  @Override
  public void unapplied(List<PendingChange> batch, Throwable cause) {
    if (cause != null) {
      LOG.warn("{} claimed changes could not be applied; their rooms are read again", batch.size(), cause);
    }
    batch.forEach(change -> {
      inFlight.remove(change.token);
      room(change.roomId).loaded = false;
    });
    requeue(batch);
  }
}
