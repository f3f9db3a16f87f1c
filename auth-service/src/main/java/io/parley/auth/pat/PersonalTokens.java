package io.parley.auth.pat;

import io.parley.auth.account.UserStore;
import io.parley.auth.keys.Secrets;
import io.parley.auth.session.SessionRequired;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.PersonalToken;
import io.parley.contract.auth.PersonalTokenService;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.TokenGrant;
import io.parley.contract.auth.TokenRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Personal access tokens: {@code pat_} and 256 random bits, shown once and stored as their SHA-256. A token is
 * its own "session" to gateways: revoking one is announced as an ended session (its token id), so every gateway
 * refuses it at once and closes the sockets it opened.
 */
public final class PersonalTokens implements PersonalTokenService {

  private static final int SECRET_BYTES = 32;
  /** The last-used time is written at most this often per token, not on every request a gateway checks. */
  private static final long TOUCH_EVERY_MS = 60_000;

  private final PersonalTokenStore store;
  private final UserStore users;
  private final Clock clock;
  private final int maxPerUser;
  private final Duration rememberRevoked;
  private final Consumer<SessionsEnded> announce;

  /**
   * @param rememberRevoked how long gateways must refuse a revoked token's id: longer than they cache a check
   */
  public PersonalTokens(MongoClient mongo, UserStore users, Clock clock, int maxPerUser, Duration rememberRevoked,
      Consumer<SessionsEnded> announce) {
    this.store = new PersonalTokenStore(mongo);
    this.users = users;
    this.clock = clock;
    this.maxPerUser = maxPerUser;
    this.rememberRevoked = rememberRevoked;
    this.announce = announce;
  }

  public Future<Void> createIndexes() {
    return store.createIndexes();
  }

  @Override
  public Future<PersonalToken> createToken(Actor actor, TokenRequest request) {
    return SessionRequired.then(actor, () -> store.liveOf(actor.id(), clock.millis()).compose(live -> {
      if (live.size() >= maxPerUser) {
        return Future.failedFuture(new ServiceError(ErrorCode.RATE_LIMITED, "You hold " + live.size()
            + " tokens, the most one user may: revoke one first."));
      }
      long now = clock.millis();
      String secret = PersonalToken.PREFIX + Secrets.randomToken(SECRET_BYTES);
      JsonObject token = new JsonObject()
          .put("_id", Ids.newId())
          .put("userId", actor.id())
          .put("name", request.name())
          .put("hash", Secrets.sha256(secret))
          .put("createdAt", Instant.ofEpochMilli(now).toString());
      if (request.expiresInDays() != null) {
        token.put("expiresAt", now + Duration.ofDays(request.expiresInDays()).toMillis());
      }
      return store.insert(token).map(ignored -> view(token, secret));
    }));
  }

  @Override
  public Future<List<PersonalToken>> tokens(Actor actor) {
    return SessionRequired.then(actor, () -> store.liveOf(actor.id(), clock.millis()).map(live -> live.stream()
        .sorted(Comparator.comparing((JsonObject token) -> token.getString("createdAt")).reversed())
        .map(token -> view(token, null))
        .toList()));
  }

  @Override
  public Future<Void> revokeToken(Actor actor, String tokenId) {
    return SessionRequired.then(actor, () -> store.remove(tokenId, actor.id()).compose(removed -> {
      if (!removed) {
        return Future.failedFuture(ServiceError.notFound("Token"));
      }
      announce.accept(new SessionsEnded(actor.id(), List.of(tokenId), SessionsEnded.REVOKED,
          clock.millis() + rememberRevoked.toMillis()));
      return Future.succeededFuture();
    }));
  }

  @Override
  public Future<TokenGrant> verifyToken(String token) {
    if (!PersonalToken.looksLikeOne(token)) {
      return Future.failedFuture(refused());
    }
    long now = clock.millis();
    return store.findByHash(Secrets.sha256(token)).compose(found -> {
      if (found == null || PersonalTokenStore.expired(found, now)) {
        return Future.failedFuture(refused());
      }
      return users.findById(found.getString("userId")).compose(user -> {
        if (user == null || UserStore.isBanned(user)) {
          return Future.failedFuture(refused());
        }
        Long lastUsed = found.getLong("lastUsedAt");
        Future<Void> touched = lastUsed == null || now - lastUsed >= TOUCH_EVERY_MS
            ? store.touch(found, now) : Future.succeededFuture();
        return touched.map(ignored -> new TokenGrant(user.getString("_id"), user.getString("role"),
            found.getString("_id"), found.getLong("expiresAt")));
      });
    });
  }

  public Future<Void> purgeExpired() {
    return store.purgeExpired(clock.millis());
  }

  private static PersonalToken view(JsonObject token, String secret) {
    return new PersonalToken(token.getString("_id"), token.getString("name"), token.getString("createdAt"),
        time(token.getLong("expiresAt")), time(token.getLong("lastUsedAt")), secret);
  }

  private static String time(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  private static ServiceError refused() {
    return new ServiceError(ErrorCode.UNAUTHENTICATED, "The token is unknown, revoked or expired.");
  }
}
