package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import java.util.List;

/**
 * auth-service's sessions: a login opens one, refreshes keep it going, and it ends on logout, on a refresh token
 * presented twice (theft), on a ban, by its owner from the list of sessions or on a password change, each time
 * announced as {@link AuthOperations#SESSIONS_ENDED}. Managing sessions needs a session: an actor signed in
 * with a personal access token is refused {@code forbidden}.
 */
public interface SessionService {

  /**
   * A new session. Fails {@code bad_credentials} alike for an unknown user and a wrong password, {@code
   * rate_limited} (with a retry delay) after repeated failures, {@code banned} for a banned account. With
   * two-factor sign-in on, fails {@code totp_required} without a code and {@code bad_totp} (counted as a failed
   * login) for a wrong, reused or expired one.
   */
  Future<TokenPair> login(Credentials credentials);

  /**
   * A new pair for an unused refresh token, which stops working. A token already rotated ends its whole session
   * (reason {@code reuse}); fails {@code unauthenticated}, or {@code banned} for a session a ban ended.
   */
  Future<TokenPair> refresh(TokenRefresh refresh);

  /** Ends the actor's session (reason {@code logout}). */
  Future<Void> logout(Actor actor);

  /** The actor's open sessions, the most recently used first, the actor's own marked {@code current}. */
  Future<List<SessionInfo>> sessions(Actor actor);

  /** Ends one of the actor's sessions (reason {@code revoked}); {@code not_found} for anyone else's. */
  Future<Void> endSession(Actor actor, String sessionId);

  /** Ends every session of the actor's but the actor's own (reason {@code revoked}); answers how many. */
  Future<Integer> endOtherSessions(Actor actor);

  /** Every ended session whose access tokens may still be unexpired, for a gateway that starts. */
  Future<List<EndedSession>> endedSessions();

  /** The key access tokens are verified with. */
  Future<PublicKey> publicKey();
}
