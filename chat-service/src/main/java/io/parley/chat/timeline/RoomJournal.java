package io.parley.chat.timeline;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.JournalYield;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders every change to a room's timeline, gap-free, across any number of chat-service instances, with no
 * transaction: what neither the embedded store nor a single-node MongoDB offers.
 *
 * <p>Each room has one document in {@code room_journal}: {@code {_id: roomId, lastSeq, version, pending}}. A
 * change is recorded by a compare-and-set on {@code version}: the same update that takes the next version (and
 * the next seq, for a new message) writes the change itself into {@code pending.<version>}. So a number is
 * never taken without its change being durable beside it. The change is then applied to {@code messages}
 * ({@link MessageStore}) and noted in {@code room_changes} ({@link ChangeLog}); an
 * instance that dies in between leaves it in {@code pending}, and whichever instance next touches the room
 * applies it first. Applying is idempotent: creates are inserts that ignore a duplicate, updates are
 * conditional on the message's version being older. Applied entries are removed by a later compare-and-set.
 *
 * <p>Within one instance, changes to one room are queued, so the compare-and-set only fails when another
 * instance wrote in between; the journal is then re-read, its pending changes applied, and the change retried.
 * A retry costs more than the winner's next write (it re-applies the winner's change first), so an instance
 * with a long queue could keep winning and starve the other. An instance that keeps losing therefore
 * publishes a request to yield ({@link ChatOperations#JOURNAL_YIELD}); the others hold back their next write
 * on that room for a moment, which is enough for the loser to get through.
 */
public final class RoomJournal {

  static final String JOURNAL = "room_journal";
  private static final int MAX_ATTEMPTS = 100;
  /** Failed compare-and-sets in a row after which an instance asks the others to yield. */
  private static final int YIELD_AFTER = 2;
  private static final long HOLD_MS = 40;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final MessageStore messages;
  private final ChangeLog changes;
  private final String instance = Ids.newId();
  private final Map<String, JournalRoom> rooms = new HashMap<>();
  private final BusClient bus;
  private final BusEndpoints yieldRequests;

  public RoomJournal(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.messages = new MessageStore(mongo);
    this.changes = new ChangeLog(mongo);
    this.bus = new BusClient(vertx.eventBus());
    this.yieldRequests = new BusEndpoints(vertx.eventBus()).listen(ChatOperations.JOURNAL_YIELD, request -> {
      JournalRoom writing = rooms.get(request.roomId());
      if (writing != null && !instance.equals(request.instance())) {
        writing.holdUntil = System.currentTimeMillis() + request.holdMs();
      }
    });
  }

  /** Completes once this journal hears other instances' requests to yield, cluster-wide. */
  public Future<Void> ready() {
    return yieldRequests.ready();
  }

  /** A change to record: given the room's current numbers, what to write. */
  public interface Change {
    /**
     * Builds the journal entry for {@code version} (and {@code seq} when it creates a message), reading
     * whatever current state it needs; fails to abort the change without taking a number.
     */
    Future<Entry> prepare(long nextSeq, long nextVersion);
  }

  /**
   * A change ready to be recorded: whether it takes a seq, the entry to apply to {@code messages}, and the
   * message as the change leaves it (without its version), which is what gets announced.
   */
  public record Entry(boolean takesSeq, JsonObject entry, JsonObject message) {
  }

  /** The room's numbers after a recorded change, the change as applied, and the message it left, versioned. */
  public record Recorded(long seq, long version, JsonObject entry, JsonObject message) {
  }

  /**
   * Counters of many rooms in one read, for room lists, each room asked for included ({@link RoomCounters#ZERO}
   * without a journal); they may trail an instance's newest by a moment.
   */
  public Future<Map<String, RoomCounters>> countersOf(List<String> roomIds) {
    if (roomIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", roomIds));
    return mongo.findWithOptions(JOURNAL, query, new FindOptions()
            .setFields(new JsonObject().put("lastSeq", 1).put("version", 1)))
        .map(docs -> {
          Map<String, RoomCounters> result = new HashMap<>();
          roomIds.forEach(roomId -> result.put(roomId, RoomCounters.ZERO));
          for (JsonObject doc : docs) {
            result.put(doc.getString("_id"), new RoomCounters(doc.getLong("lastSeq", 0L), doc.getLong("version", 0L)));
          }
          return result;
        });
  }

  /** One room's counters as {@link #countersOf(List)} reads them. */
  public Future<RoomCounters> countersOf(String roomId) {
    return countersOf(List.of(roomId)).map(all -> all.get(roomId));
  }

  /** Records and applies one change to the room; completes once it is in {@code messages}. */
  public Future<Recorded> record(String roomId, Change change) {
    return state(roomId).enqueue(state -> attempt(state, change, 1));
  }

  /**
   * Applies whatever another instance recorded but did not apply, so reads see every numbered change; answers
   * the counters that every change up to them is applied at.
   */
  public Future<RoomCounters> catchUp(String roomId) {
    return state(roomId).enqueue(state -> reload(state).map(ignored -> state.counters()));
  }

  /** Creates the journal of a new room; harmless when it exists already. */
  public Future<Void> create(String roomId) {
    JsonObject doc = new JsonObject().put("_id", roomId).put("lastSeq", 0L).put("version", 0L)
        .put("pending", new JsonObject());
    return Inserts.once(mongo, JOURNAL, doc);
  }

  /**
   * Removes the journal of a room being deleted, after the changes queued here before it; this instance then
   * records nothing more for the room, and does not make it a new journal.
   */
  public Future<Void> remove(String roomId) {
    return state(roomId).enqueue(state -> {
      state.removed = true;
      return mongo.removeDocument(JOURNAL, new JsonObject().put("_id", roomId)).mapEmpty();
    });
  }

  private Future<Recorded> attempt(JournalRoom state, Change change, int attemptNo) {
    if (state.removed) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    long hold = state.holdUntil - System.currentTimeMillis();
    if (hold > 0) {
      Promise<Void> held = Promise.promise();
      vertx.setTimer(hold, timer -> held.complete());
      return held.future().compose(ignored -> attempt(state, change, attemptNo));
    }
    return (state.loaded ? Future.<Void>succeededFuture() : reload(state)).compose(ignored -> {
      long nextVersion = state.version + 1;
      long nextSeq = state.lastSeq + 1;
      return change.prepare(nextSeq, nextVersion).compose(prepared -> {
        long seq = prepared.takesSeq() ? nextSeq : state.lastSeq;
        JsonObject entry = prepared.entry().copy().put("version", nextVersion);
        JsonObject set = new JsonObject()
            .put("version", nextVersion)
            .put("lastSeq", seq)
            .put("pending." + nextVersion, entry);
        JsonObject update = new JsonObject().put("$set", set);
        if (!state.applied.isEmpty()) {
          JsonObject unset = new JsonObject();
          state.applied.forEach(v -> unset.put("pending." + v, ""));
          update.put("$unset", unset);
        }
        JsonObject filter = new JsonObject().put("_id", state.roomId).put("version", state.version);
        return mongo.updateCollectionWithOptions(JOURNAL, filter, update, new UpdateOptions())
            .compose(result -> {
              if (result.getDocMatched() == 1) {
                state.applied.clear();
                state.version = nextVersion;
                state.lastSeq = seq;
                return apply(state.roomId, entry).map(done -> {
                  state.applied.add(nextVersion);
                  JsonObject message = prepared.message() == null
                      ? null
                      : prepared.message().copy().put("version", nextVersion);
                  return new Recorded(seq, nextVersion, entry, message);
                });
              }
              if (attemptNo >= MAX_ATTEMPTS) {
                return Future.failedFuture(new IllegalStateException("room " + state.roomId
                    + " is contended beyond " + MAX_ATTEMPTS + " attempts"));
              }
              if (attemptNo >= YIELD_AFTER) {
                bus.publish(ChatOperations.JOURNAL_YIELD, new JournalYield(state.roomId, instance, HOLD_MS));
              }
              return reload(state).compose(reloaded -> attempt(state, change, attemptNo + 1));
            });
      });
    });
  }

  /** Writes one journal entry into {@code messages} and the change log; safe to repeat and to run late. */
  private Future<Void> apply(String roomId, JsonObject entry) {
    long version = entry.getLong("version");
    Future<String> changed = "create".equals(entry.getString("kind"))
        ? messages.applyCreate(entry.getJsonObject("message"), version)
        : messages.applyUpdate(entry.getString("messageId"), version, entry.getJsonObject("set", new JsonObject()),
            entry.getJsonObject("unset"));
    return changed.compose(messageId -> changes.record(roomId, version, messageId));
  }

  /** Reads the journal and applies its pending entries in version order. */
  private Future<Void> reload(JournalRoom state) {
    return mongo.findOne(JOURNAL, new JsonObject().put("_id", state.roomId), null).compose(doc -> {
      if (doc == null) {
        return state.removed
            ? Future.failedFuture(ServiceError.notFound("Room"))
            : create(state.roomId).compose(ignored -> reload(state));
      }
      state.lastSeq = doc.getLong("lastSeq", 0L);
      state.version = doc.getLong("version", 0L);
      state.loaded = true;
      TreeMap<Long, JsonObject> pending = new TreeMap<>();
      doc.getJsonObject("pending", new JsonObject())
          .forEach(e -> pending.put(Long.parseLong(e.getKey()), (JsonObject) e.getValue()));
      state.applied.retainAll(pending.keySet());
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<Long, JsonObject> entry : pending.entrySet()) {
        chain = chain.compose(ignored -> apply(state.roomId, entry.getValue())
            .onSuccess(done -> state.applied.add(entry.getKey())));
      }
      return chain;
    });
  }

  private JournalRoom state(String roomId) {
    return rooms.computeIfAbsent(roomId, JournalRoom::new);
  }
}
