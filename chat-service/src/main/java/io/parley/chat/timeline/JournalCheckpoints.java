package io.parley.chat.timeline;

import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code room_journal} collection: one document per room, {@code {_id: roomId, lastSeq, version}}, the
 * counters up to which every change of the room is applied to {@code messages}. Readers take a room's counters
 * from here; writers move them forward (never back) once a batch is applied, before anyone is told of it. Changes
 * claimed beyond it are either on their way or were left by an instance that died: whoever next writes the room
 * applies them first. Documents written before the change log held claims may still carry a {@code pending} map.
 */
final class JournalCheckpoints {

  static final String JOURNAL = "room_journal";
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions(false);

  private final MongoClient mongo;

  JournalCheckpoints(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The counters of many rooms in one read, each room asked for included ({@link RoomCounters#ZERO} without). */
  Future<Map<String, RoomCounters>> countersOf(List<String> roomIds) {
    if (roomIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", roomIds));
    return mongo.findWithOptions(JOURNAL, query, new FindOptions()
            .setFields(new JsonObject().put("lastSeq", 1).put("version", 1)))
        .map(docs -> {
          Map<String, RoomCounters> result = new HashMap<>();
          roomIds.forEach(roomId -> result.put(roomId, RoomCounters.ZERO));
          docs.forEach(doc -> result.put(doc.getString("_id"), counters(doc)));
          return result;
        });
  }

  /** The stored documents of these rooms, legacy pending entries included; rooms without one are left out. */
  Future<Map<String, JsonObject>> read(Collection<String> roomIds) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new ArrayList<>(roomIds)));
    return mongo.find(JOURNAL, query).map(docs -> {
      Map<String, JsonObject> byRoom = new HashMap<>();
      docs.forEach(doc -> byRoom.put(doc.getString("_id"), doc));
      return byRoom;
    });
  }

  static RoomCounters counters(JsonObject doc) {
    return new RoomCounters(doc.getLong("lastSeq", 0L), doc.getLong("version", 0L));
  }

  /** The journal of a new room; harmless when it exists already. */
  Future<Void> create(String roomId) {
    return Inserts.once(mongo, JOURNAL, new JsonObject().put("_id", roomId).put("lastSeq", 0L).put("version", 0L));
  }

  /**
   * Moves rooms' counters forward to these, where they are not further already. The write is durable (the store's
   * default), and so, once it is answered, are the claims and messages written before it without waiting.
   */
  Future<Void> advance(Map<String, RoomCounters> counters) {
    if (counters.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> updates = new ArrayList<>(counters.size());
    counters.forEach((roomId, to) -> updates.add(BulkOperation.createUpdate(new JsonObject().put("_id", roomId),
        new JsonObject().put("$max", new JsonObject().put("version", to.version()).put("lastSeq", to.lastSeq())))));
    return mongo.bulkWriteWithOptions(JOURNAL, updates, UNORDERED).mapEmpty();
  }

  /** Drops the old pending map of a room once its entries are applied and recorded in the change log. */
  Future<Void> forgetPending(String roomId) {
    return mongo.updateCollection(JOURNAL, new JsonObject().put("_id", roomId),
        new JsonObject().put("$unset", new JsonObject().put("pending", ""))).mapEmpty();
  }

  Future<Void> remove(String roomId) {
    return mongo.removeDocument(JOURNAL, new JsonObject().put("_id", roomId)).mapEmpty();
  }
}
