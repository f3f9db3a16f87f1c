package io.parley.auth.pat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * The {@code personal_tokens} collection: {@code {_id: tokenId, userId, name, hash, createdAt, expiresAt?,
 * lastUsedAt?}} (times in epoch milliseconds but createdAt). Only the SHA-256 of a token is stored, unique, so a
 * token is found by its hash alone.
 */
final class PersonalTokenStore {

  static final String TOKENS = "personal_tokens";

  private final MongoClient mongo;

  PersonalTokenStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(TOKENS, new JsonObject().put("hash", 1),
            new IndexOptions().unique(true).name("hash_unique"))
        .compose(ignored -> mongo.createIndex(TOKENS, new JsonObject().put("userId", 1)));
  }

  Future<Void> insert(JsonObject token) {
    return mongo.insert(TOKENS, token).mapEmpty();
  }

  /** The user's tokens that have not expired by {@code now}. */
  Future<List<JsonObject>> liveOf(String userId, long now) {
    return mongo.find(TOKENS, new JsonObject().put("userId", userId)).map(found -> found.stream()
        .filter(token -> !expired(token, now))
        .toList());
  }

  Future<JsonObject> findByHash(String hash) {
    return mongo.findOne(TOKENS, new JsonObject().put("hash", hash), null);
  }

  /** Removes one of the user's tokens; answers whether there was one. */
  Future<Boolean> remove(String tokenId, String userId) {
    return mongo.removeDocument(TOKENS, new JsonObject().put("_id", tokenId).put("userId", userId))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  /** Sets when the token was last used, unless another request did since {@code seen} was read. */
  Future<Void> touch(JsonObject seen, long now) {
    JsonObject unchanged = new JsonObject().put("_id", seen.getString("_id"))
        .put("lastUsedAt", seen.getValue("lastUsedAt"));
    return mongo.updateCollection(TOKENS, unchanged, new JsonObject().put("$set", new JsonObject()
        .put("lastUsedAt", now))).mapEmpty();
  }

  Future<Void> purgeExpired(long now) {
    return mongo.removeDocuments(TOKENS, new JsonObject().put("expiresAt", new JsonObject().put("$lte", now)))
        .mapEmpty();
  }

  static boolean expired(JsonObject token, long now) {
    Long expiresAt = token.getLong("expiresAt");
    return expiresAt != null && expiresAt <= now;
  }
}
