package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.EndedSession;
import io.parley.contract.auth.SessionInfo;
import io.parley.contract.auth.SessionsEnded;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code sessions} collection, and through {@link RefreshTokenStore} their refresh tokens. A session is one
 * login; its record holds its owner, lifetime and, once ended, when and why. A rotated refresh token presented
 * again is taken as stolen and ends its session.
 *
 * <p>Every time sessions end, they are handed to {@code announce}, so no path can end a session silently. The
 * embedded store has no TTL indexes: {@link #purgeExpired()} deletes what has expired and is safe to run from
 * several instances at once, each delete being a plain conditional remove.
 */
public final class SessionStore {

  static final String SESSIONS = "sessions";
  /** Ended sessions stay listed this long past the access-token lifetime: verification leeway and clock skew. */
  private static final Duration LISTING_MARGIN = Duration.ofMinutes(1);
  private static final JsonObject NOT_ENDED = new JsonObject().put("$exists", false);

  /** A refresh token just issued for a session. */
  public record Grant(String sessionId, String userId, String refreshToken) {
  }

  private final MongoClient mongo;
  private final Clock clock;
  private final Duration refreshTtl;
  private final Duration accessTtl;
  private final Consumer<SessionsEnded> announce;
  private final RefreshTokenStore refreshTokens;

  public SessionStore(MongoClient mongo, Clock clock, Duration refreshTtl, Duration accessTtl,
      Consumer<SessionsEnded> announce) {
    this.mongo = mongo;
    this.clock = clock;
    this.refreshTtl = refreshTtl;
    this.accessTtl = accessTtl;
    this.announce = announce;
    this.refreshTokens = new RefreshTokenStore(mongo);
  }

  public Future<Void> createIndexes() {
    return mongo.createIndex(SESSIONS, new JsonObject().put("userId", 1))
        .compose(ignored -> refreshTokens.createIndexes());
  }

  public Future<Grant> open(String userId) {
    return open(userId, null, null);
  }

  /** A new session, remembering the device and address it was opened from for its owner's list. */
  public Future<Grant> open(String userId, String userAgent, String address) {
    String sessionId = Ids.newId();
    long now = clock.millis();
    long expiresAt = now + refreshTtl.toMillis();
    JsonObject session = new JsonObject()
        .put("_id", sessionId)
        .put("userId", userId)
        .put("createdAt", Instant.ofEpochMilli(now).toString())
        .put("lastUsedAt", now)
        .put("userAgent", userAgent)
        .put("address", address)
        .put("refreshExpiresAt", expiresAt)
        .put("purgeAt", expiresAt);
    return mongo.insert(SESSIONS, session).compose(ignored -> issueRefreshToken(sessionId, userId, expiresAt));
  }

  /** The user's open sessions, the most recently used first. */
  public Future<List<SessionInfo>> openSessions(String userId, String currentSessionId) {
    JsonObject open = new JsonObject().put("userId", userId).put("endedAt", NOT_ENDED)
        .put("refreshExpiresAt", new JsonObject().put("$gt", clock.millis()));
    return mongo.find(SESSIONS, open).map(found -> found.stream()
        .sorted(Comparator.comparingLong((JsonObject s) -> s.getLong("lastUsedAt", 0L)).reversed())
        .map(s -> new SessionInfo(s.getString("_id"), s.getString("createdAt"),
            // Sessions opened before last use was recorded show their start.
            s.containsKey("lastUsedAt") ? Instant.ofEpochMilli(s.getLong("lastUsedAt")).toString()
                : s.getString("createdAt"),
            s.getString("userAgent"), s.getString("address"), s.getString("_id").equals(currentSessionId)))
        .toList());
  }

  /**
   * Exchanges an unused, unexpired refresh token for a new one, extending its session. Fails {@code
   * unauthenticated} for any other token, after ending the session when the token was already rotated, and
   * {@code banned} when the session was ended by a ban.
   */
  public Future<Grant> rotate(String refreshToken) {
    long now = clock.millis();
    return refreshTokens.rotate(refreshToken, now).compose(holder -> holder == null
        ? refuseSpent(refreshToken)
        : extend(holder.sessionId(), holder.userId(), now));
  }

  /** Ends one session of the user; answers whether it was still open. */
  public Future<Boolean> end(String sessionId, String userId, String reason) {
    return endSessions(userId, List.of(sessionId), reason);
  }

  /** Ends every open session of the user. */
  public Future<Void> endAllOf(String userId, String reason) {
    return endAllBut(userId, null, reason).mapEmpty();
  }

  /** Ends every open session of the user but {@code keptSessionId}; answers how many ended. */
  public Future<Integer> endAllBut(String userId, String keptSessionId, String reason) {
    JsonObject open = new JsonObject().put("userId", userId).put("endedAt", NOT_ENDED);
    return mongo.findWithOptions(SESSIONS, open, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(found -> {
          List<String> ids = found.stream().map(s -> s.getString("_id"))
              .filter(id -> !id.equals(keptSessionId)).toList();
          return endSessions(userId, ids, reason).map(ended -> ids.size());
        });
  }

  /** Ended sessions whose access tokens may not have expired yet. */
  public Future<List<EndedSession>> endedSessions() {
    JsonObject query = new JsonObject()
        .put("endedAt", new JsonObject().put("$exists", true))
        .put("purgeAt", new JsonObject().put("$gt", clock.millis()));
    return mongo.find(SESSIONS, query).map(found -> found.stream()
        .map(session -> new EndedSession(session.getString("_id"), session.getString("userId"),
            session.getString("endReason"), session.getLong("purgeAt")))
        .toList());
  }

  /** Deletes sessions past their purge time and refresh tokens past their expiry. */
  public Future<Void> purgeExpired() {
    long now = clock.millis();
    return mongo.removeDocuments(SESSIONS, new JsonObject().put("purgeAt", new JsonObject().put("$lte", now)))
        .compose(ignored -> refreshTokens.purgeExpired(now));
  }

  private Future<Grant> refuseSpent(String refreshToken) {
    return refreshTokens.rotatedHolder(refreshToken).compose(holder -> {
      if (holder != null) {
        return end(holder.sessionId(), holder.userId(), SessionsEnded.REUSE)
            .compose(ignored -> Future.failedFuture(unauthenticated(
                "This refresh token was already used, so its session has ended. Log in again.")));
      }
      return Future.failedFuture(unauthenticated("The refresh token is invalid or expired."));
    });
  }

  private Future<Grant> extend(String sessionId, String userId, long now) {
    long expiresAt = now + refreshTtl.toMillis();
    JsonObject open = new JsonObject().put("_id", sessionId).put("endedAt", NOT_ENDED);
    JsonObject longer = new JsonObject().put("$set", new JsonObject()
        .put("refreshExpiresAt", expiresAt).put("purgeAt", expiresAt).put("lastUsedAt", now));
    return mongo.findOneAndUpdate(SESSIONS, open, longer).compose(session -> session == null
        ? refuseEnded(sessionId)
        : issueRefreshToken(sessionId, userId, expiresAt));
  }

  private Future<Grant> refuseEnded(String sessionId) {
    return mongo.findOne(SESSIONS, new JsonObject().put("_id", sessionId), null).compose(session ->
        Future.failedFuture(session != null && SessionsEnded.BANNED.equals(session.getString("endReason"))
            ? UserStore.bannedAccount()
            : unauthenticated("The session has ended. Log in again.")));
  }

  /**
   * A ban is announced even when the user has no open session: gateways then close the sockets their personal
   * access tokens opened and forget what they cached of those tokens.
   */
  private Future<Boolean> endSessions(String userId, List<String> sessionIds, String reason) {
    long now = clock.millis();
    long until = now + accessTtl.plus(LISTING_MARGIN).toMillis();
    boolean ban = SessionsEnded.BANNED.equals(reason);
    if (sessionIds.isEmpty()) {
      if (ban) {
        announce.accept(new SessionsEnded(userId, List.of(), reason, until));
      }
      return Future.succeededFuture(false);
    }
    JsonObject open = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(sessionIds)))
        .put("userId", userId)
        .put("endedAt", NOT_ENDED);
    JsonObject ended = new JsonObject().put("$set", new JsonObject()
        .put("endedAt", now).put("endReason", reason).put("purgeAt", until));
    return mongo.updateCollectionWithOptions(SESSIONS, open, ended, new UpdateOptions().setMulti(true))
        .map(result -> {
          boolean endedAny = result.getDocModified() > 0;
          if (endedAny || ban) {
            announce.accept(new SessionsEnded(userId, sessionIds, reason, until));
          }
          return endedAny;
        });
  }

  private Future<Grant> issueRefreshToken(String sessionId, String userId, long expiresAt) {
    return refreshTokens.issue(sessionId, userId, expiresAt)
        .map(refreshToken -> new Grant(sessionId, userId, refreshToken));
  }

  private static ServiceError unauthenticated(String detail) {
    return new ServiceError(ErrorCode.UNAUTHENTICATED, detail);
  }
}
