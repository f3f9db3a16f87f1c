package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.auth.login.LoginThrottle;
import io.parley.auth.password.PasswordHasher;
import io.parley.auth.token.TokenIssuer;
import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Login, token refresh and logout: where sessions begin, go on and end. */
public final class SessionEndpoints {

  private static final int REFRESH_TOKEN_MAX_CHARS = 512;

  private final UserStore users;
  private final SessionStore sessions;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final TokenIssuer tokens;

  public SessionEndpoints(UserStore users, SessionStore sessions, PasswordHasher hasher, LoginThrottle throttle,
      TokenIssuer tokens) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.throttle = throttle;
    this.tokens = tokens;
  }

  public void mount(BusEndpoints endpoints) {
    endpoints
        .serve(Addresses.AUTH_LOGIN, this::login)
        .serve(Addresses.AUTH_REFRESH, this::refresh)
        .serve(Addresses.AUTH_LOGOUT, this::logout)
        .serve(Addresses.AUTH_ENDED_SESSIONS, request -> sessions.endedSessions()
            .map(ended -> new JsonObject().put("sessions", ended)));
  }

  /**
   * Throttled before any hashing, so a blocked guesser costs no CPU. An unknown username spends the time of a
   * real verification and counts as a failure too, so neither timing nor throttling tells which names exist.
   */
  private Future<JsonObject> login(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    fields.throwIfInvalid();
    String clientAddress = request.getValue("clientAddress") instanceof String address ? address : null;
    String usernameKey = UserStore.usernameKey(username);
    return throttle.checkAllowed(usernameKey, clientAddress)
        .compose(allowed -> users.findByUsername(username))
        .compose(user -> user == null
            ? hasher.verifyDecoy(password).map(ignored -> (JsonObject) null)
            : hasher.verify(password, user.getString("passwordHash")).map(ok -> ok ? user : null))
        .compose(user -> {
          if (user == null) {
            return throttle.recordFailure(usernameKey, clientAddress).compose(ignored -> Future.failedFuture(
                new ServiceError(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.")));
          }
          if (user.getBoolean("banned", false)) {
            return Future.failedFuture(banned());
          }
          return throttle.forgetUsername(usernameKey)
              .compose(ignored -> sessions.open(user.getString("_id")))
              .compose(this::tokenPair);
        });
  }

  private Future<JsonObject> refresh(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String refreshToken = fields.requiredString("refreshToken", 1, REFRESH_TOKEN_MAX_CHARS);
    fields.throwIfInvalid();
    return sessions.rotate(refreshToken).compose(this::tokenPair);
  }

  private Future<JsonObject> logout(JsonObject request) {
    Actor actor = Actor.of(request);
    if (actor.sessionId() == null) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, "This request needs a session.");
    }
    return sessions.end(actor.sessionId(), actor.id(), SessionsEnded.LOGOUT).map(ignored -> new JsonObject());
  }

  /**
   * The answer to a login or refresh, with the user's current role. The user is read after the session was
   * written: a ban ends sessions only after marking the user banned, so a session opened while a ban lands
   * is seen here and ended.
   */
  private Future<JsonObject> tokenPair(SessionStore.Grant grant) {
    return users.findById(grant.userId()).compose(user -> {
      if (user == null) {
        return Future.failedFuture(new ServiceError(ErrorCode.UNAUTHENTICATED, "This account no longer exists."));
      }
      if (user.getBoolean("banned", false)) {
        return sessions.end(grant.sessionId(), grant.userId(), SessionsEnded.BANNED)
            .compose(ignored -> Future.failedFuture(banned()));
      }
      return Future.succeededFuture(new JsonObject()
          .put("accessToken", tokens.accessToken(user.getString("_id"), user.getString("role"), grant.sessionId()))
          .put("refreshToken", grant.refreshToken())
          .put("expiresIn", tokens.ttlSeconds())
          .put("user", UserStore.view(user)));
    });
  }

  private static ServiceError banned() {
    return new ServiceError(ErrorCode.BANNED, "This account is banned.");
  }
}
