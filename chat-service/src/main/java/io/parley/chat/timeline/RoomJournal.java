package io.parley.chat.timeline;

import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import io.parley.platform.MongoStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Orders every change to a room's timeline, gap-free, across any number of chat-service instances, with no
 * transaction: what neither the embedded store nor a single-node MongoDB offers.
 *
 * <p>Each room has one document in {@code room_journal}: {@code {_id: roomId, lastSeq, version, pending}}. A
 * change is recorded by a compare-and-set on {@code version}: the same update that takes the next version (and
 * the next seq, for a new message) writes the change itself into {@code pending.<version>}. So a number is
 * never taken without its change being durable beside it. The change is then applied to {@code messages}; an
 * instance that dies in between leaves it in {@code pending}, and whichever instance next touches the room
 * applies it first. Applying is idempotent: creates are inserts that ignore a duplicate, updates are
 * conditional on the message's version being older. Applied entries are removed by a later compare-and-set.
 *
 * <p>Within one instance, changes to one room are queued, so the compare-and-set only fails when another
 * instance wrote in between; the journal is then re-read, its pending changes applied, and the change retried.
 * A retry costs more than the winner's next write (it re-applies the winner's change first), so an instance
 * with a long queue could keep winning and starve the other. An instance that keeps losing therefore
 * publishes a request to yield ({@link Addresses#CHAT_JOURNAL_YIELD}); the others hold back their next write
 * on that room for a moment, which is enough for the loser to get through.
 */
public final class RoomJournal {

  public static final String JOURNAL = "room_journal";
  public static final String MESSAGES = "messages";
  /** {@code {_id: roomId-version, messageId}}: which message each version changed, for {@code sync}. */
  public static final String CHANGES = "room_changes";
  private static final int MAX_ATTEMPTS = 100;
  /** Failed compare-and-sets in a row after which an instance asks the others to yield. */
  private static final int YIELD_AFTER = 2;
  private static final long HOLD_MS = 40;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final String instance = Ids.newId();
  private final Map<String, RoomState> rooms = new HashMap<>();
  private final MessageConsumer<JsonObject> yieldRequests;

  public RoomJournal(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.yieldRequests = vertx.eventBus().consumer(Addresses.CHAT_JOURNAL_YIELD, request -> {
      JsonObject body = request.body();
      RoomState writing = rooms.get(body.getString("roomId"));
      if (writing != null && !instance.equals(body.getString("instance"))) {
        writing.holdUntil = System.currentTimeMillis() + body.getLong("holdMs", HOLD_MS);
      }
    });
  }

  /** Completes once this journal hears other instances' requests to yield, cluster-wide. */
  public Future<Void> ready() {
    return yieldRequests.completion();
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

  /** Current {@code lastSeq} and {@code version} of a room, from memory or the journal. */
  public Future<JsonObject> counters(String roomId) {
    return state(roomId).enqueue(state -> state.ensureLoaded()
        .map(ignored -> new JsonObject().put("lastSeq", state.lastSeq).put("version", state.version)));
  }

  /** Counters of many rooms in one read, for room lists; they may trail an instance's newest by a moment. */
  public Future<Map<String, JsonObject>> countersOf(List<String> roomIds) {
    if (roomIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", roomIds));
    return mongo.findWithOptions(JOURNAL, query, new io.vertx.ext.mongo.FindOptions()
            .setFields(new JsonObject().put("lastSeq", 1).put("version", 1)))
        .map(docs -> {
          Map<String, JsonObject> result = new HashMap<>();
          for (JsonObject doc : docs) {
            result.put(doc.getString("_id"), new JsonObject()
                .put("lastSeq", doc.getLong("lastSeq", 0L)).put("version", doc.getLong("version", 0L)));
          }
          return result;
        });
  }

  /** Records and applies one change to the room; completes once it is in {@code messages}. */
  public Future<Recorded> record(String roomId, Change change) {
    return state(roomId).enqueue(state -> attempt(state, change, 1));
  }

  /**
   * Applies whatever another instance recorded but did not apply, so reads see every numbered change; answers
   * the counters that every change up to them is applied at.
   */
  public Future<JsonObject> catchUp(String roomId) {
    return state(roomId).enqueue(state -> state.reload()
        .map(ignored -> new JsonObject().put("lastSeq", state.lastSeq).put("version", state.version)));
  }

  /** Creates the journal of a new room; harmless when it exists already. */
  public Future<Void> create(String roomId) {
    JsonObject doc = new JsonObject().put("_id", roomId).put("lastSeq", 0L).put("version", 0L)
        .put("pending", new JsonObject());
    return insertIgnoringDuplicate(JOURNAL, doc);
  }

  private Future<Recorded> attempt(RoomState state, Change change, int attemptNo) {
    long hold = state.holdUntil - System.currentTimeMillis();
    if (hold > 0) {
      Promise<Void> held = Promise.promise();
      vertx.setTimer(hold, timer -> held.complete());
      return held.future().compose(ignored -> attempt(state, change, attemptNo));
    }
    return state.ensureLoaded().compose(ignored -> {
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
                vertx.eventBus().publish(Addresses.CHAT_JOURNAL_YIELD, new JsonObject()
                    .put("roomId", state.roomId).put("instance", instance).put("holdMs", HOLD_MS));
              }
              return state.reload().compose(reloaded -> attempt(state, change, attemptNo + 1));
            });
      });
    });
  }

  public static String changeId(String roomId, long version) {
    return roomId + "-" + String.format("%010d", version);
  }

  /** Writes one journal entry into {@code messages} and the change log; safe to repeat and to run late. */
  private Future<Void> apply(String roomId, JsonObject entry) {
    String messageId = "create".equals(entry.getString("kind"))
        ? entry.getJsonObject("message").getString("_id")
        : entry.getString("messageId");
    JsonObject change = new JsonObject()
        .put("_id", changeId(roomId, entry.getLong("version")))
        .put("messageId", messageId);
    return applyToMessages(entry).compose(ignored -> insertIgnoringDuplicate(CHANGES, change));
  }

  private Future<Void> applyToMessages(JsonObject entry) {
    long version = entry.getLong("version");
    String kind = entry.getString("kind");
    if ("create".equals(kind)) {
      JsonObject message = entry.getJsonObject("message").copy().put("version", version);
      Future<Void> stored = insertIgnoringDuplicate(MESSAGES, message);
      String clientMsgId = message.getString("clientMsgId");
      if (clientMsgId == null) {
        return stored;
      }
      // Written on every apply, replays included, so a retry that reaches another instance finds it.
      JsonObject key = new JsonObject()
          .put("_id", MessageStore.clientKey(message.getJsonObject("sender").getString("id"), clientMsgId))
          .put("messageId", message.getString("_id"));
      return stored.compose(ignored -> insertIgnoringDuplicate(MessageStore.CLIENT_KEYS, key));
    }
    JsonObject filter = new JsonObject()
        .put("_id", entry.getString("messageId"))
        .put("version", new JsonObject().put("$lt", version));
    JsonObject set = entry.getJsonObject("set", new JsonObject()).copy().put("version", version);
    JsonObject update = new JsonObject().put("$set", set);
    JsonObject unset = entry.getJsonObject("unset");
    if (unset != null && !unset.isEmpty()) {
      update.put("$unset", unset);
    }
    return mongo.updateCollection(MESSAGES, filter, update).mapEmpty();
  }

  private Future<Void> insertIgnoringDuplicate(String collection, JsonObject doc) {
    return mongo.insert(collection, doc).<Void>mapEmpty().recover(failure ->
        MongoStore.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  private RoomState state(String roomId) {
    return rooms.computeIfAbsent(roomId, RoomState::new);
  }

  /** What this instance knows of one room, and the queue that serialises its changes here. */
  private final class RoomState {
    final String roomId;
    long lastSeq;
    long version;
    boolean loaded;
    /** Until when another instance asked this one not to write to the room. */
    long holdUntil;
    /** Versions applied by this instance whose pending entries the next compare-and-set removes. */
    final Set<Long> applied = new HashSet<>();
    private Future<?> tail = Future.succeededFuture();

    RoomState(String roomId) {
      this.roomId = roomId;
    }

    <T> Future<T> enqueue(Function<RoomState, Future<T>> work) {
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

    Future<Void> ensureLoaded() {
      return loaded ? Future.succeededFuture() : reload();
    }

    /** Reads the journal and applies its pending entries in version order. */
    Future<Void> reload() {
      return mongo.findOne(JOURNAL, new JsonObject().put("_id", roomId), null).compose(doc -> {
        if (doc == null) {
          return create(roomId).compose(ignored -> reload());
        }
        lastSeq = doc.getLong("lastSeq", 0L);
        version = doc.getLong("version", 0L);
        loaded = true;
        TreeMap<Long, JsonObject> pending = new TreeMap<>();
        doc.getJsonObject("pending", new JsonObject())
            .forEach(e -> pending.put(Long.parseLong(e.getKey()), (JsonObject) e.getValue()));
        applied.retainAll(pending.keySet());
        Future<Void> chain = Future.succeededFuture();
        List<Long> versions = new ArrayList<>(pending.keySet());
        for (Long v : versions) {
          chain = chain.compose(ignored -> apply(roomId, pending.get(v)).onSuccess(done -> applied.add(v)));
        }
        return chain;
      });
    }
  }
}
