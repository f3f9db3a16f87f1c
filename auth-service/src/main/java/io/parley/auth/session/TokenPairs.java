package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.auth.token.TokenIssuer;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.TokenPair;
import io.vertx.core.Future;

/** The answer to a login or a refresh: a new access token beside the grant's refresh token. */
final class TokenPairs {

  private final UserStore users;
  private final SessionStore sessions;
  private final TokenIssuer tokens;

  TokenPairs(UserStore users, SessionStore sessions, TokenIssuer tokens) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /**
   * The pair for a grant, with the user's current role. The user is read after the session was written: a ban
   * ends sessions only after marking the user banned, so a session opened while a ban lands is seen here and
   * ended.
   */
  Future<TokenPair> issue(SessionStore.Grant grant) {
    return users.findById(grant.userId()).compose(user -> {
      if (user == null) {
        return Future.failedFuture(new ServiceError(ErrorCode.UNAUTHENTICATED, "This account no longer exists."));
      }
      if (UserStore.isBanned(user)) {
        return sessions.end(grant.sessionId(), grant.userId(), SessionsEnded.BANNED)
            .compose(ignored -> Future.failedFuture(UserStore.bannedAccount()));
      }
      String accessToken = tokens.accessToken(user.getString("_id"), user.getString("role"), grant.sessionId());
      return Future.succeededFuture(
          new TokenPair(accessToken, grant.refreshToken(), tokens.ttlSeconds(), UserStore.view(user)));
    });
  }
}
