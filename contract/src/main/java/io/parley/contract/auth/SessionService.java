package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import java.util.List;

/**
 * auth-service's sessions: a login opens one, refreshes keep it going, and it ends on logout, on a refresh token
 * presented twice (theft) or on a ban, each time announced as {@link AuthOperations#SESSIONS_ENDED}.
 */
public interface SessionService {

  /**
   * A new session. Fails {@code bad_credentials} alike for an unknown user and a wrong password, {@code
   * rate_limited} (with a retry delay) after repeated failures, {@code banned} for a banned account.
   */
  Future<TokenPair> login(Credentials credentials);

  /**
   * A new pair for an unused refresh token, which stops working. A token already rotated ends its whole session
   * (reason {@code reuse}); fails {@code unauthenticated}, or {@code banned} for a session a ban ended.
   */
  Future<TokenPair> refresh(TokenRefresh refresh);

  /** Ends the actor's session (reason {@code logout}). */
  Future<Void> logout(Actor actor);

  /** Every ended session whose access tokens may still be unexpired, for a gateway that starts. */
  Future<List<EndedSession>> endedSessions();

  /** The key access tokens are verified with. */
  Future<PublicKey> publicKey();
}
