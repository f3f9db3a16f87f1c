package io.parley.gateway.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions that ended while their access tokens may still be unexpired. Tokens are verified locally, so this
 * gateway refuses a token of an ended session only because it was told: by the published event, or at start by
 * auth-service's list. Each entry is kept until the last token of its session has expired.
 */
public final class EndedSessions {

  private final Map<String, Long> untilBySession = new ConcurrentHashMap<>();

  /** Remembers that the session ended, until {@code untilMillis} (epoch milliseconds). */
  public void learn(String sessionId, long untilMillis) {
    untilBySession.merge(sessionId, untilMillis, Math::max);
  }

  public boolean isEnded(String sessionId) {
    return untilBySession.containsKey(sessionId);
  }

  /** Forgets sessions whose tokens have all expired by now. */
  public void forgetExpired(long nowMillis) {
    untilBySession.values().removeIf(until -> until <= nowMillis);
  }
}
