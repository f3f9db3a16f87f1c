package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.auth.token.TokenIssuer;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** The answer to a login or a refresh: {accessToken, refreshToken, expiresIn, user}. */
public final class TokenPairs {

  private final UserStore users;
  private final SessionStore sessions;
  private final TokenIssuer tokens;

  public TokenPairs(UserStore users, SessionStore sessions, TokenIssuer tokens) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /**
   * The pair for a grant, with the user's current role. The user is read after the session was written: a ban
   * ends sessions only after marking the user banned, so a session opened while a ban lands is seen here and
   * ended.
   */
  public Future<JsonObject> issue(SessionStore.Grant grant) {
    return users.findById(grant.userId()).compose(user -> {
      if (user == null) {
        return Future.failedFuture(new ServiceError(ErrorCode.UNAUTHENTICATED, "This account no longer exists."));
      }
      if (UserStore.isBanned(user)) {
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

  /** What a banned account is told when it logs in or refreshes. */
  public static ServiceError banned() {
    return new ServiceError(ErrorCode.BANNED, "This account is banned.");
  }
}
