package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rooms as the store has them: each room's checkpoint, then every change claimed after it, by any
 * instance (one that died before applying its claims included), which it applies in version order before moving
 * the checkpoint past them. The change log is gap-free, so the claims after a checkpoint are read by their ids,
 * a few at first and more while there are more. This instance's own changes whose claims it cannot be sure of
 * are looked up by id as well: those found (by their token) are complete, the others are claimed anew. Other
 * instances' claims it applies are told to {@link Orphans}, which announces them if their claimant does not.
 */
final class RoomLoader {

  private static final Logger LOG = LoggerFactory.getLogger(RoomLoader.class);
  private static final int FIRST_PROBE = 8;
  private static final int MAX_PROBE = 1024;
  private static final long RETRY_MS = 250;

  private final Vertx vertx;
  private final ChangeLog changes;
  private final MessageStore messages;
  private final JournalCheckpoints checkpoints;
  private final Orphans orphans;
  private final Consumer<JournalRoom> wake;

  RoomLoader(Vertx vertx, ChangeLog changes, MessageStore messages, JournalCheckpoints checkpoints, Orphans orphans,
      Consumer<JournalRoom> wake) {
    this.vertx = vertx;
    this.changes = changes;
    this.messages = messages;
    this.checkpoints = checkpoints;
    this.orphans = orphans;
    this.wake = wake;
  }

  /** A room read: its counters now, and the changes found claimed after its checkpoint, applied. */
  record Loaded(RoomCounters counters, List<ChangeEntry> found) {
  }

  /** Reads rooms that have nothing in flight here, and settles their waiting changes by what it finds. */
  void load(List<JournalRoom> toLoad) {
    List<String> roomIds = new ArrayList<>();
    List<String> claimIds = new ArrayList<>();
    for (JournalRoom room : toLoad) {
      room.loading = true;
      roomIds.add(room.roomId);
      room.waiting.forEach(change -> {
        if (change.claim != null) {
          claimIds.add(ChangeLog.changeId(room.roomId, change.claim.version()));
        }
      });
    }
    Future<Map<String, RoomLoader.Loaded>> loaded = read(roomIds);
    Future<List<ChangeEntry>> claimedBefore = changes.byIds(claimIds);
    Future.all(loaded, claimedBefore).onComplete(done -> {
      toLoad.forEach(room -> room.loading = false);
      if (done.failed()) {
        LOG.warn("could not read rooms {}; trying again", roomIds, done.cause());
        toLoad.forEach(room -> {
          room.catchUps.forEach(caughtUp -> caughtUp.tryFail(done.cause()));
          room.catchUps.clear();
        });
        vertx.setTimer(RETRY_MS, timer -> toLoad.forEach(wake));
        return;
      }
      Map<String, ChangeEntry> byToken = new HashMap<>();
      claimedBefore.result().forEach(entry -> byToken.put(entry.token(), entry));
      toLoad.forEach(room -> loaded(room, loaded.result().get(room.roomId), byToken));
    });
  }

  /** A room as the store has it: its own claims found there complete their changes, the rest are claimed anew. */
  private void loaded(JournalRoom room, RoomLoader.Loaded loaded, Map<String, ChangeEntry> claimedBefore) {
    room.version = loaded.counters().version();
    room.lastSeq = loaded.counters().lastSeq();
    room.loaded = true;
    orphans.found(room.roomId, loaded.found());
    Map<String, ChangeEntry> mine = new HashMap<>(claimedBefore);
    loaded.found().forEach(entry -> mine.put(entry.token(), entry));
    for (Iterator<PendingChange> it = room.waiting.iterator(); it.hasNext(); ) {
      PendingChange change = it.next();
      ChangeEntry claim = change.claim == null ? null : mine.get(change.token);
      if (claim != null) {
        it.remove();
        change.promise.complete(change.recorded(claim));
      } else {
        change.claim = null;
        change.decided = null;
      }
    }
    room.catchUps.forEach(caughtUp -> caughtUp.complete(room.counters()));
    room.catchUps.clear();
    wake.accept(room);
  }


  private Future<Map<String, Loaded>> read(Collection<String> roomIds) {
    Map<String, RoomCounters> base = new HashMap<>();
    return checkpoints.read(roomIds).compose(docs -> {
      List<Future<Void>> setup = new ArrayList<>();
      for (String roomId : roomIds) {
        JsonObject doc = docs.get(roomId);
        base.put(roomId, doc == null ? RoomCounters.ZERO : JournalCheckpoints.counters(doc));
        if (doc == null) {
          setup.add(checkpoints.create(roomId));
        } else if (!doc.getJsonObject("pending", new JsonObject()).isEmpty()) {
          setup.add(applyPending(roomId, doc.getJsonObject("pending")));
        }
      }
      Map<String, Long> from = new HashMap<>();
      base.forEach((roomId, counters) -> from.put(roomId, counters.version()));
      return Future.all(setup).compose(ready -> probe(from, new HashMap<>(), FIRST_PROBE));
    }).compose(found -> {
      List<ChangeEntry> all = new ArrayList<>();
      Map<String, RoomCounters> advanced = new HashMap<>();
      found.forEach((roomId, entries) -> {
        all.addAll(entries);
        ChangeEntry last = entries.get(entries.size() - 1);
        advanced.put(roomId, new RoomCounters(last.lastSeq(), last.version()));
      });
      // Every room read gets a durable checkpoint write, one that moves nothing included: the claims this load
      // completes may be ones whose own checkpoint write got no answer, and they are told only once on the disk.
      Map<String, RoomCounters> durable = new HashMap<>(base);
      durable.putAll(advanced);
      return messages.apply(all).compose(applied -> checkpoints.advance(durable)).map(done -> {
        Map<String, Loaded> loaded = new HashMap<>();
        for (String roomId : roomIds) {
          loaded.put(roomId, new Loaded(advanced.getOrDefault(roomId, base.get(roomId)),
              found.getOrDefault(roomId, List.of())));
        }
        return loaded;
      });
    });
  }

  /** Reads the claims after each room's version, more at a time while a room has as many as were asked. */
  private Future<Map<String, List<ChangeEntry>>> probe(Map<String, Long> from, Map<String, List<ChangeEntry>> found,
      int count) {
    return changes.after(from, count).compose(batch -> {
      Map<String, Long> further = new HashMap<>();
      batch.forEach((roomId, entries) -> {
        List<ChangeEntry> kept = found.computeIfAbsent(roomId, room -> new ArrayList<>());
        long next = from.get(roomId) + 1;
        for (ChangeEntry entry : entries) {
          if (entry.version() != next) {
            break;
          }
          kept.add(entry);
          next++;
        }
        if (next - 1 - from.get(roomId) == count) {
          further.put(roomId, next - 1);
        }
      });
      found.values().removeIf(List::isEmpty);
      return further.isEmpty() ? Future.succeededFuture(found) : probe(further, found, Math.min(count * 4, MAX_PROBE));
    });
  }

  /**
   * Applies the entries of the journal's old pending map (chat-service wrote changes there before the change log
   * held claims; an entry may be one its writer never applied), records them in the change log, and drops the map.
   */
  private Future<Void> applyPending(String roomId, JsonObject pending) {
    List<ChangeEntry> entries = new ArrayList<>();
    pending.forEach(entry -> entries.add(ChangeEntry.fromLegacy(roomId, (JsonObject) entry.getValue())));
    entries.sort(Comparator.comparingLong(ChangeEntry::version));
    return messages.apply(entries)
        .compose(applied -> changes.recordLegacy(entries))
        .compose(recorded -> checkpoints.forgetPending(roomId));
  }
}
