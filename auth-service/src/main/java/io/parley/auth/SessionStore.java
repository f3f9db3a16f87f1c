package io.parley.auth;

import io.parley.contract.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code sessions} collection, owned by auth-service: one record per login, holding only the SHA-256 of its
 * current refresh token. A refresh token is 32 random bytes, so a fast hash is enough; it is not a password.
 */
public final class SessionStore {

  static final String SESSIONS = "sessions";

  private final MongoClient mongo;
  private final SecureRandom random = new SecureRandom();

  public SessionStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** A new session for the user; answers {@code {sessionId, refreshToken}}. */
  public Future<JsonObject> open(String userId, Duration refreshTtl) {
    String sessionId = Ids.newId();
    String refreshToken = newRefreshToken(sessionId);
    Instant now = Instant.now();
    JsonObject doc = new JsonObject()
        .put("_id", sessionId)
        .put("userId", userId)
        .put("refreshHash", sha256(refreshToken))
        .put("createdAt", now.toString())
        .put("expiresAt", now.plus(refreshTtl).toString());
    return mongo.insert(SESSIONS, doc)
        .map(ignored -> new JsonObject().put("sessionId", sessionId).put("refreshToken", refreshToken));
  }

  /** {@code <sessionId>.<random>}: the session is found by id, the random part is checked by its hash. */
  private String newRefreshToken(String sessionId) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return sessionId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
