package io.parley.auth.profile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The {@code avatars} collection: each avatar a user made, {@code {_id: userId-version, userId, version, png}},
 * until a later one replaces it. A version is written once and never changed, so what a browser cached under a
 * version's URL is always right.
 */
final class AvatarStore {

  static final String AVATARS = "avatars";

  private final MongoClient mongo;

  AvatarStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndex(AVATARS, new JsonObject().put("userId", 1)).mapEmpty();
  }

  Future<Void> insert(String userId, int version, byte[] png) {
    return mongo.insert(AVATARS, new JsonObject()
        .put("_id", id(userId, version))
        .put("userId", userId)
        .put("version", version)
        .put("png", new JsonObject().put("$binary", png))).mapEmpty();
  }

  /** The PNG of that version, or null. */
  Future<byte[]> png(String userId, int version) {
    return mongo.findOne(AVATARS, new JsonObject().put("_id", id(userId, version)), null)
        .map(doc -> doc == null ? null : doc.getJsonObject("png").getBinary("$binary"));
  }

  /** Deletes the user's avatars older than {@code version}: every one, given {@code Integer.MAX_VALUE}. */
  Future<Void> removeBefore(String userId, int version) {
    return mongo.removeDocuments(AVATARS, new JsonObject().put("userId", userId)
        .put("version", new JsonObject().put("$lt", version))).mapEmpty();
  }

  private static String id(String userId, int version) {
    return userId + "-" + version;
  }
}
