package io.parley.chat.prefs;

import io.parley.contract.model.JsonValues;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Set;

/**
 * The {@code user_room_prefs} collection: what a user's view of rooms remembers, {@code {_id: userId, lastRoomId,
 * muted:[roomId], welcomed}}: the room last open, the rooms muted, and whether the user was taken into #general.
 */
public final class RoomPrefs {

  private static final String PREFS = "user_room_prefs";

  private final MongoClient mongo;

  public RoomPrefs(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** One user's prefs. */
  public record Prefs(String lastRoomId, Set<String> muted, boolean welcomed) {
  }

  public Future<Prefs> of(String userId) {
    return mongo.findOne(PREFS, new JsonObject().put("_id", userId), null).map(prefs -> prefs == null
        ? new Prefs(null, Set.of(), false)
        : new Prefs(prefs.getString("lastRoomId"), Set.copyOf(JsonValues.strings(prefs.getJsonArray("muted"))),
            prefs.getBoolean("welcomed", false)));
  }

  public Future<Void> rememberLastRoom(String userId, String roomId) {
    return upsert(userId, new JsonObject().put("$set", new JsonObject().put("lastRoomId", roomId)));
  }

  public Future<Void> setMuted(String userId, String roomId, boolean muted) {
    return upsert(userId, new JsonObject().put(muted ? "$addToSet" : "$pull", new JsonObject().put("muted", roomId)));
  }

  /** Notes that the user was taken into #general (or that there was none to take them into). */
  public Future<Void> markWelcomed(String userId) {
    return upsert(userId, new JsonObject().put("$set", new JsonObject().put("welcomed", true)));
  }

  /** Forgets a room that is being deleted wherever it is remembered as the last one open or as muted. */
  public Future<Void> forgetRoom(String roomId) {
    UpdateOptions everyone = new UpdateOptions().setMulti(true);
    return Future.all(
        mongo.updateCollectionWithOptions(PREFS, new JsonObject().put("lastRoomId", roomId),
            new JsonObject().put("$unset", new JsonObject().put("lastRoomId", "")), everyone),
        mongo.updateCollectionWithOptions(PREFS, new JsonObject().put("muted", roomId),
            new JsonObject().put("$pull", new JsonObject().put("muted", roomId)), everyone)).mapEmpty();
  }

  private Future<Void> upsert(String userId, JsonObject update) {
    return mongo.updateCollectionWithOptions(PREFS, new JsonObject().put("_id", userId), update,
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
