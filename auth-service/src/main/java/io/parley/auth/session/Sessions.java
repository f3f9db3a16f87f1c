package io.parley.auth.session;

import io.parley.auth.account.UserStore;
import io.parley.auth.login.LoginMetrics;
import io.parley.auth.login.PasswordCheck;
import io.parley.auth.token.TokenIssuer;
import io.parley.auth.totp.TwoFactor;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.Credentials;
import io.parley.contract.auth.EndedSession;
import io.parley.contract.auth.PublicKey;
import io.parley.contract.auth.SessionInfo;
import io.parley.contract.auth.SessionService;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.TokenPair;
import io.parley.contract.auth.TokenRefresh;
import io.vertx.core.Future;
import java.util.List;

/** How a session begins (login), goes on (refresh) and ends (logout, or by its owner), and how gateways learn of it. */
public final class Sessions implements SessionService {

  private final PasswordCheck passwords;
  private final LoginMetrics loginMetrics;
  private final TwoFactor twoFactor;
  private final SessionStore sessions;
  private final TokenIssuer tokens;
  private final TokenPairs pairs;

  public Sessions(PasswordCheck passwords, LoginMetrics loginMetrics, TwoFactor twoFactor, UserStore users,
      SessionStore sessions, TokenIssuer tokens) {
    this.passwords = passwords;
    this.loginMetrics = loginMetrics;
    this.twoFactor = twoFactor;
    this.sessions = sessions;
    this.tokens = tokens;
    this.pairs = new TokenPairs(users, sessions, tokens);
  }

  /**
   * Password, then the second factor, and only then are the username's failures forgotten: a guesser who has the
   * password cannot reset the count between guesses of the code.
   */
  @Override
  public Future<TokenPair> login(Credentials credentials) {
    return loginMetrics.counted(passwords.verify(credentials)
        .compose(user -> twoFactor.checkLogin(user, credentials).map(user))
        .compose(user -> passwords.succeeded(credentials).map(user))
        .compose(user -> sessions.open(user.getString("_id"), credentials.userAgent(), credentials.clientAddress()))
        .compose(pairs::issue));
  }

  @Override
  public Future<TokenPair> refresh(TokenRefresh refresh) {
    return sessions.rotate(refresh.refreshToken()).compose(pairs::issue);
  }

  @Override
  public Future<Void> logout(Actor actor) {
    return SessionRequired.then(actor, () ->
        sessions.end(actor.sessionId(), actor.id(), SessionsEnded.LOGOUT).mapEmpty());
  }

  @Override
  public Future<List<SessionInfo>> sessions(Actor actor) {
    return SessionRequired.then(actor, () -> sessions.openSessions(actor.id(), actor.sessionId()));
  }

  @Override
  public Future<Void> endSession(Actor actor, String sessionId) {
    return SessionRequired.then(actor, () -> sessions.end(sessionId, actor.id(), SessionsEnded.REVOKED)
        .compose(ended -> ended ? Future.<Void>succeededFuture() : Future.failedFuture(ServiceError.notFound(
            "Session"))));
  }

  @Override
  public Future<Integer> endOtherSessions(Actor actor) {
    return SessionRequired.then(actor, () -> sessions.endAllBut(actor.id(), actor.sessionId(), SessionsEnded.REVOKED));
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
