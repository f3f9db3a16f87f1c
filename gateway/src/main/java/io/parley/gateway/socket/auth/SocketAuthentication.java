package io.parley.gateway.socket.auth;

import io.parley.contract.Actor;
import io.parley.contract.CloseCodes;
import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.gateway.session.AccessTokens;
import io.parley.gateway.session.AccessTokens.VerifiedToken;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Who a socket speaks for. Its first frame must be {@code auth}, within 10 s (else 4408); a token that does not
 * verify closes it with 4401. A later {@code auth} with a fresh token of the same user renews it ({@code
 * auth_renewed}); without one the socket closes with 4401 when its token expires.
 */
public final class SocketAuthentication {

  private final Vertx vertx;
  private final AccessTokens tokens;
  private final ClientConnection connection;
  private long authTimer = -1;
  private long expiryTimer = -1;
  private Actor actor;

  public SocketAuthentication(Vertx vertx, AccessTokens tokens, ClientConnection connection) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.connection = connection;
  }

  public void start() {
    authTimer = vertx.setTimer(Limits.AUTH_FRAME_TIMEOUT_MS, timer -> {
      if (actor == null) {
        connection.close(CloseCodes.AUTH_TIMEOUT, "no auth in time");
      }
    });
  }

  /** The verified actor; null until the first {@code auth} is accepted. */
  public Actor actor() {
    return actor;
  }

  /** The first {@code auth}: on success, {@code then} runs once the actor is known. */
  public void authenticate(JsonObject frame, Runnable then) {
    verify(frame)
        .onFailure(failure -> connection.close(CloseCodes.UNAUTHENTICATED, "not authenticated"))
        .onSuccess(verified -> {
          if (connection.isClosed()) {
            return;
          }
          actor = verified.actor();
          vertx.cancelTimer(authTimer);
          expireAt(verified);
          then.run();
        });
  }

  /** A fresh access token for the same user keeps an open socket going past the old token's expiry. */
  public void renew(JsonObject frame, Object ref) {
    verify(frame)
        .onFailure(failure -> connection.fail(ref, failure))
        .onSuccess(verified -> {
          if (connection.isClosed()) {
            return;
          }
          if (!verified.actor().id().equals(actor.id())) {
            connection.fail(ref, ErrorCode.FORBIDDEN, "A socket stays with the user it was opened for.");
            return;
          }
          actor = verified.actor();
          expireAt(verified);
          connection.reply(ref, new JsonObject().put("type", "auth_renewed")
              .put("expiresAt", verified.expires() ? Instant.ofEpochSecond(verified.expiresAt()).toString() : null));
        });
  }

  public void stop() {
    vertx.cancelTimer(authTimer);
    if (expiryTimer >= 0) {
      vertx.cancelTimer(expiryTimer);
    }
  }

  private Future<VerifiedToken> verify(JsonObject frame) {
    return tokens.verifyToken(frame.getValue("token") instanceof String token ? token : null);
  }

  /** Closes the socket when its token expires; a personal access token made without an expiry never does. */
  private void expireAt(VerifiedToken verified) {
    if (expiryTimer >= 0) {
      vertx.cancelTimer(expiryTimer);
      expiryTimer = -1;
    }
    if (!verified.expires()) {
      return;
    }
    long delayMs = Math.max(1, verified.expiresAt() * 1000 - System.currentTimeMillis());
    expiryTimer = vertx.setTimer(delayMs,
        timer -> connection.close(CloseCodes.UNAUTHENTICATED, "token expired"));
  }
}
