package io.parley.chat.prefs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/** The {@code user_room_prefs} collection: what a user's view of rooms remembers, {@code {_id: userId, lastRoomId}}. */
public final class RoomPrefs {

  private static final String PREFS = "user_room_prefs";

  private final MongoClient mongo;

  public RoomPrefs(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The room the user last had open, or null. */
  public Future<String> lastRoomOf(String userId) {
    return mongo.findOne(PREFS, new JsonObject().put("_id", userId), null)
        .map(prefs -> prefs == null ? null : prefs.getString("lastRoomId"));
  }

  public Future<Void> rememberLastRoom(String userId, String roomId) {
    return mongo.updateCollectionWithOptions(PREFS, new JsonObject().put("_id", userId),
        new JsonObject().put("$set", new JsonObject().put("lastRoomId", roomId)),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** Forgets a room that is being deleted wherever it is remembered as the last one open. */
  public Future<Void> forgetRoom(String roomId) {
    return mongo.updateCollectionWithOptions(PREFS, new JsonObject().put("lastRoomId", roomId),
        new JsonObject().put("$unset", new JsonObject().put("lastRoomId", "")),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }
}
