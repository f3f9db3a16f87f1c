package io.parley.chat.timeline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * The {@code room_changes} collection: {@code {_id: roomId-version, messageId}}, which message each version of
 * a room's timeline changed, so that {@code sync} reads known ids, never scans.
 */
public final class ChangeLog {

  private static final String CHANGES = "room_changes";

  private final MongoClient mongo;

  public ChangeLog(MongoClient mongo) {
    this.mongo = mongo;
  }

  static String changeId(String roomId, long version) {
    return roomId + "-" + String.format("%010d", version);
  }

  /** Notes that a version changed a message; safe to repeat. */
  Future<Void> record(String roomId, long version, String messageId) {
    return Inserts.once(mongo, CHANGES, new JsonObject()
        .put("_id", changeId(roomId, version)).put("messageId", messageId));
  }

  /** The changes with versions in (since, to] that are recorded, in no particular order. */
  Future<List<JsonObject>> between(String roomId, long since, long to) {
    JsonArray ids = new JsonArray();
    for (long version = since + 1; version <= to; version++) {
      ids.add(changeId(roomId, version));
    }
    return mongo.find(CHANGES, new JsonObject().put("_id", new JsonObject().put("$in", ids)));
  }

  /** Every change of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(CHANGES, new JsonObject().put("_id", MessageStore.idsOfRoom(roomId))).mapEmpty();
  }
}
