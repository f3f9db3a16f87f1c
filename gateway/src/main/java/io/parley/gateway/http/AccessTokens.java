package io.parley.gateway.http;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Verifies access tokens locally with auth-service's public key: no event-bus round trip per request. Only the
 * configured algorithm is accepted, so unsigned ({@code alg: none}) and foreign-key tokens fail; so do tokens of
 * sessions this gateway knows have ended.
 */
public final class AccessTokens {

  private final JWTAuth jwt;
  private final EndedSessions endedSessions;

  public AccessTokens(Vertx vertx, String algorithm, String issuer, String publicKeyPem,
      EndedSessions endedSessions) {
    this.endedSessions = endedSessions;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(publicKeyPem))
        .setJWTOptions(new JWTOptions().setIssuer(issuer).setLeeway(5)));
  }

  /** A verified token: who it speaks for and until when (epoch seconds). */
  public record VerifiedToken(Actor actor, long expiresAt) {
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
          return Future.succeededFuture(new VerifiedToken(new Actor(subject, role, session), expiresAt));
        });
  }

  private static ServiceError unauthenticated() {
    return new ServiceError(ErrorCode.UNAUTHENTICATED,
        "The access token is missing, invalid or expired, or its session has ended.");
  }
}
