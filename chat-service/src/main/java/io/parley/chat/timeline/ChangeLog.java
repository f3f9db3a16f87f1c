package io.parley.chat.timeline;

import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code room_changes} collection: one document per version of each room, {@code {_id: roomId-version}}, the
 * whole change ({@link ChangeEntry}). Inserting it is how a version is taken: the {@code _id} is unique, so of any
 * instances claiming a room's next version one succeeds, and what it wrote is already the durable record of the
 * change. A create's {@code clientKey} (sender and clientMsgId) is unique too, so a resent message is refused by
 * the same insert that would have numbered it. {@code sync} and recovery read it by known ids, never by scans.
 */
public final class ChangeLog {

  private static final String CHANGES = "room_changes";
  /** A claim is made durable by the write that applies it, before its change is answered ({@link ApplyLane}). */
  private static final BulkWriteOptions CLAIM = new BulkWriteOptions(true).setWriteOption(MongoStore.COVERED_BY_NEXT);
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions(false);

  private final MongoClient mongo;

  public ChangeLog(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** How an ordered claim ended: the claims written, in order, and why the next one was not. */
  record Claimed(int written, Stop stop, Throwable cause) {
  }

  enum Stop {
    /** Every claim was written. */
    NONE,
    /** The next claim's version or client key is taken. */
    TAKEN,
    /** The store refused the next claim for another reason. */
    REFUSED,
    /** No answer: any of the claims may or may not be written. */
    UNKNOWN
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(CHANGES, new JsonObject().put("clientKey", 1),
        new IndexOptions().unique(true).sparse(true).name("clientKey_unique"));
  }

  static String changeId(String roomId, long version) {
    return MessageStore.numbered(roomId, version);
  }

  static String clientKey(String senderId, String clientMsgId) {
    return senderId + "|" + clientMsgId;
  }

  /** Claims versions in one ordered insert: it stops at the first claim refused. */
  Future<Claimed> claim(List<ChangeEntry> entries) {
    List<BulkOperation> inserts = new ArrayList<>(entries.size());
    entries.forEach(entry -> inserts.add(BulkOperation.createInsert(entry.toDoc())));
    return mongo.bulkWriteWithOptions(CHANGES, inserts, CLAIM)
        .map(done -> new Claimed(entries.size(), Stop.NONE, null))
        .otherwise(failure -> {
          List<MongoStore.BulkError> errors = MongoStore.bulkErrors(failure);
          if (errors.isEmpty()) {
            return new Claimed(0, Stop.UNKNOWN, failure);
          }
          MongoStore.BulkError first = errors.get(0);
          return new Claimed(first.index(), first.duplicateKey() ? Stop.TAKEN : Stop.REFUSED, failure);
        });
  }

  /** For each room, up to {@code count} changes after the version given, ascending; rooms with none are left out. */
  Future<Map<String, List<ChangeEntry>>> after(Map<String, Long> versions, int count) {
    JsonArray ids = new JsonArray();
    versions.forEach((roomId, version) -> {
      for (long next = version + 1; next <= version + count; next++) {
        ids.add(changeId(roomId, next));
      }
    });
    return mongo.find(CHANGES, new JsonObject().put("_id", new JsonObject().put("$in", ids))).map(found -> {
      Map<String, List<ChangeEntry>> byRoom = new HashMap<>();
      for (JsonObject doc : found) {
        ChangeEntry entry = ChangeEntry.fromDoc(doc);
        byRoom.computeIfAbsent(entry.roomId(), room -> new ArrayList<>()).add(entry);
      }
      byRoom.values().forEach(entries -> entries.sort(Comparator.comparingLong(ChangeEntry::version)));
      return byRoom;
    });
  }

  /** The changes with these ids that are recorded. */
  Future<List<ChangeEntry>> byIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.find(CHANGES, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))))
        .map(found -> found.stream().map(ChangeEntry::fromDoc).toList());
  }

  /** The change that created the message of a client key, or null. */
  Future<ChangeEntry> byClientKey(String clientKey) {
    return mongo.findOne(CHANGES, new JsonObject().put("clientKey", clientKey), null)
        .map(doc -> doc == null ? null : ChangeEntry.fromDoc(doc));
  }

  /**
   * Records changes of the journal's old {@code pending} map, which took their versions there; a version that
   * already has its record keeps it.
   */
  Future<Void> recordLegacy(List<ChangeEntry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> inserts = entries.stream().map(entry -> BulkOperation.createInsert(new JsonObject()
        .put("_id", changeId(entry.roomId(), entry.version())).put("messageId", entry.messageId()))).toList();
    return mongo.bulkWriteWithOptions(CHANGES, inserts, UNORDERED).<Void>mapEmpty()
        .recover(MessageStore::unlessOnlyDuplicates);
  }

  /** The message ids of the changes with versions in (since, to] that are recorded, in no particular order. */
  Future<List<JsonObject>> between(String roomId, long since, long to) {
    JsonArray ids = new JsonArray();
    for (long version = since + 1; version <= to; version++) {
      ids.add(changeId(roomId, version));
    }
    return mongo.findWithOptions(CHANGES, new JsonObject().put("_id", new JsonObject().put("$in", ids)),
        new FindOptions().setFields(new JsonObject().put("messageId", 1)));
  }

  /** Every change of a room that is being deleted, and with them its client keys. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(CHANGES, new JsonObject().put("_id", MessageStore.idsOfRoom(roomId))).mapEmpty();
  }
}
