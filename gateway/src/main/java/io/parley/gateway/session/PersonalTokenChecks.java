package io.parley.gateway.session;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.PersonalTokenService;
import io.parley.contract.auth.TokenGrant;
import io.parley.gateway.session.AccessTokens.VerifiedToken;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Personal access tokens, which only auth-service can check (they are random, stored hashed): its answer is
 * remembered for a short while, so a script's requests cost one round trip per while, not one each. A revoked
 * token is refused at once all the same: its id arrives as an ended session, which is checked on every use, and a
 * ban drops everything remembered of the user's tokens.
 */
public final class PersonalTokenChecks {

  /** Checks remembered at most; the map is emptied when it would grow beyond, and refills as clients return. */
  private static final int REMEMBERED_MAX = 20_000;

  private final PersonalTokenService tokens;
  private final EndedSessions endedSessions;
  private final long rememberMs;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(TokenGrant grant, long untilMillis) {
  }

  public PersonalTokenChecks(PersonalTokenService tokens, EndedSessions endedSessions, long rememberMs) {
    this.tokens = tokens;
    this.endedSessions = endedSessions;
    this.rememberMs = rememberMs;
  }

  /** Whom the token speaks for, or {@code unauthenticated} ({@code unavailable} when auth-service is down). */
  public Future<VerifiedToken> verify(String token) {
    long now = System.currentTimeMillis();
    Remembered known = remembered.get(token);
    if (known != null && known.untilMillis() > now) {
      return usable(known.grant(), now);
    }
    return tokens.verifyToken(token).compose(grant -> {
      if (remembered.size() >= REMEMBERED_MAX) {
        remembered.clear();
      }
      remembered.put(token, new Remembered(grant, now + rememberMs));
      return usable(grant, now);
    });
  }

  /** Forgets what was remembered of the user's tokens: they are checked again, and refused while banned. */
  public void forgetUser(String userId) {
    remembered.values().removeIf(known -> known.grant().userId().equals(userId));
  }

  private Future<VerifiedToken> usable(TokenGrant grant, long now) {
    if (endedSessions.isEnded(grant.tokenId()) || grant.expiresAt() != null && grant.expiresAt() <= now) {
      return Future.failedFuture(new ServiceError(ErrorCode.UNAUTHENTICATED,
          "The token is unknown, revoked or expired."));
    }
    long expiresAt = grant.expiresAt() == null ? VerifiedToken.NEVER : grant.expiresAt() / 1000;
    return Future.succeededFuture(new VerifiedToken(grant.actor(), expiresAt));
  }
}
