package io.parley.auth.session;

import io.parley.auth.keys.Secrets;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The {@code refresh_tokens} collection: the SHA-256 of every refresh token issued (32 random bytes, so a fast
 * hash is enough: it is not a password), marked once rotated, so that a rotated token presented again is
 * recognised as stolen. Only {@link SessionStore} calls it: a refresh token lives and dies with its session.
 */
final class RefreshTokenStore {

  static final String REFRESH_TOKENS = "refresh_tokens";

  /** Whose a refresh token is. */
  record Holder(String sessionId, String userId) {
  }

  private final MongoClient mongo;

  RefreshTokenStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<Void> createIndexes() {
    return mongo.createIndex(REFRESH_TOKENS, new JsonObject().put("sessionId", 1));
  }

  /** A new refresh token of the session, valid until expiresAt (epoch milliseconds). */
  Future<String> issue(String sessionId, String userId, long expiresAt) {
    String refreshToken = Secrets.randomToken(32);
    JsonObject token = new JsonObject()
        .put("_id", sha256(refreshToken))
        .put("sessionId", sessionId)
        .put("userId", userId)
        .put("expiresAt", expiresAt)
        .put("rotated", false);
    return mongo.insert(REFRESH_TOKENS, token).map(ignored -> refreshToken);
  }

  /** Marks an unused, unexpired token rotated and answers whose it was; null when it is no such token. */
  Future<Holder> rotate(String refreshToken, long now) {
    JsonObject unused = new JsonObject()
        .put("_id", sha256(refreshToken))
        .put("rotated", false)
        .put("expiresAt", new JsonObject().put("$gt", now));
    JsonObject markRotated = new JsonObject().put("$set", new JsonObject().put("rotated", true).put("rotatedAt", now));
    return mongo.findOneAndUpdate(REFRESH_TOKENS, unused, markRotated).map(RefreshTokenStore::holder);
  }

  /** Whose a token was when it has already been rotated, so presenting it again means it was stolen; else null. */
  Future<Holder> rotatedHolder(String refreshToken) {
    return mongo.findOne(REFRESH_TOKENS, new JsonObject().put("_id", sha256(refreshToken)), null)
        .map(token -> token != null && token.getBoolean("rotated", false) ? holder(token) : null);
  }

  Future<Void> purgeExpired(long now) {
    return mongo.removeDocuments(REFRESH_TOKENS, new JsonObject().put("expiresAt", new JsonObject().put("$lte", now)))
        .mapEmpty();
  }

  private static Holder holder(JsonObject token) {
    return token == null ? null : new Holder(token.getString("sessionId"), token.getString("userId"));
  }

  static String sha256(String value) {
    return Secrets.sha256(value);
  }
}
