package io.parley.gateway.session;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.PersonalToken;
import io.parley.contract.auth.PublicKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens locally with auth-service's public key: no event-bus round trip per request. Only the
 * configured algorithm is accepted, so unsigned ({@code alg: none}) and foreign-key tokens fail; so do tokens of
 * sessions this gateway knows have ended. Personal access tokens ({@code pat_...}) are checked by
 * {@link PersonalTokenChecks}.
 *
 * <p>A verified token is remembered until it expires, keyed by its exact text, so a client's next request costs a
 * map lookup instead of a P-256 signature check (about a millisecond of CPU, a quarter of a history read's).
 * A changed or forged token never matches; the ended-session check runs on every use.
 */
public final class AccessTokens {

  private static final int LEEWAY_SECONDS = 5;
  /** Tokens remembered at most; the map is emptied when it would grow beyond, and refills as clients return. */
  private static final int REMEMBERED_MAX = 20_000;

  private final JWTAuth jwt;
  private final EndedSessions endedSessions;
  private final PersonalTokenChecks personalTokens;
  private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

  public AccessTokens(Vertx vertx, PublicKey key, EndedSessions endedSessions, PersonalTokenChecks personalTokens) {
    this.endedSessions = endedSessions;
    this.personalTokens = personalTokens;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(key.algorithm()).setBuffer(key.publicKeyPem()))
        .setJWTOptions(new JWTOptions().setIssuer(key.issuer()).setLeeway(LEEWAY_SECONDS)));
  }

  /** A verified token: who it speaks for and until when (epoch seconds, or {@link #NEVER}). */
  public record VerifiedToken(Actor actor, long expiresAt) {

    /** A personal access token made without an expiry. */
    public static final long NEVER = Long.MAX_VALUE;

    public boolean expires() {
      return expiresAt != NEVER;
    }
  }

  /** The actor a token speaks for, or {@code unauthenticated}. */
  public Future<Actor> verify(String token) {
    return verifyToken(token).map(VerifiedToken::actor);
  }

  /** The actor a token speaks for and its expiry, or {@code unauthenticated}. */
  public Future<VerifiedToken> verifyToken(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture(unauthenticated());
    }
    if (PersonalToken.looksLikeOne(token)) {
      return personalTokens.verify(token);
    }
    VerifiedToken known = verified.get(token);
    if (known != null) {
      if (System.currentTimeMillis() / 1000 < known.expiresAt() + LEEWAY_SECONDS
          && !endedSessions.isEnded(known.actor().sessionId())) {
        return Future.succeededFuture(known);
      }
      verified.remove(token);
      return Future.failedFuture(unauthenticated());
    }
    return jwt.authenticate(new TokenCredentials(token))
        .transform(done -> {
          if (done.failed()) {
            return Future.failedFuture(unauthenticated());
          }
          // The verified claims; the principal alone lacks exp.
          var claims = done.result().attributes().getJsonObject("accessToken", done.result().principal());
          String subject = claims.getValue("sub") instanceof String s ? s : null;
          String session = claims.getValue("sid") instanceof String s ? s : null;
          String role = claims.getValue("role") instanceof String s ? s : null;
          Long expiresAt = claims.getValue("exp") instanceof Number n ? n.longValue() : null;
          if (subject == null || session == null || role == null || expiresAt == null
              || endedSessions.isEnded(session)) {
            return Future.failedFuture(unauthenticated());
          }
          VerifiedToken result = new VerifiedToken(new Actor(subject, role, session), expiresAt);
          if (verified.size() >= REMEMBERED_MAX) {
            verified.clear();
          }
          verified.put(token, result);
          return Future.succeededFuture(result);
        });
  }

  private static ServiceError unauthenticated() {
    return new ServiceError(ErrorCode.UNAUTHENTICATED,
        "The access token is missing, invalid or expired, or its session has ended.");
  }
}
