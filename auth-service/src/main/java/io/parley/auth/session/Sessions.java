package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.auth.login.PasswordCheck;
import io.parley.auth.token.TokenIssuer;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.Credentials;
import io.parley.contract.auth.EndedSession;
import io.parley.contract.auth.PublicKey;
import io.parley.contract.auth.SessionService;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.TokenPair;
import io.parley.contract.auth.TokenRefresh;
import io.vertx.core.Future;
import java.util.List;

/** How a session begins (login), goes on (refresh) and ends (logout), and how gateways learn of it. */
public final class Sessions implements SessionService {

  private final PasswordCheck passwords;
  private final SessionStore sessions;
  private final TokenIssuer tokens;
  private final TokenPairs pairs;

  public Sessions(PasswordCheck passwords, UserStore users, SessionStore sessions, TokenIssuer tokens) {
    this.passwords = passwords;
    this.sessions = sessions;
    this.tokens = tokens;
    this.pairs = new TokenPairs(users, sessions, tokens);
  }

  @Override
  public Future<TokenPair> login(Credentials credentials) {
    return passwords.verify(credentials)
        .compose(user -> sessions.open(user.getString("_id")))
        .compose(pairs::issue);
  }

  @Override
  public Future<TokenPair> refresh(TokenRefresh refresh) {
    return sessions.rotate(refresh.refreshToken()).compose(pairs::issue);
  }

  @Override
  public Future<Void> logout(Actor actor) {
    if (actor.sessionId() == null) {
      return Future.failedFuture(new ServiceError(ErrorCode.UNAUTHENTICATED, "This request needs a session."));
    }
    return sessions.end(actor.sessionId(), actor.id(), SessionsEnded.LOGOUT).mapEmpty();
  }

  @Override
  public Future<List<EndedSession>> endedSessions() {
    return sessions.endedSessions();
  }

  @Override
  public Future<PublicKey> publicKey() {
    return Future.succeededFuture(tokens.publicKey());
  }
}
