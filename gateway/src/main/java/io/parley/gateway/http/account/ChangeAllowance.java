package io.parley.gateway.http.account;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.gateway.TokenBucket;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * How many account changes (profile edits, avatar uploads, new personal access tokens) one user may make: a token
 * bucket per user on this gateway, {@code perMinute} a minute with bursts as large. Each change is published to
 * the user's roommates or costs an image decode, so a script in a loop is refused with {@code rate_limited} and
 * {@code Retry-After} before any of that happens.
 */
public final class ChangeAllowance implements Handler<RoutingContext> {

  /** Users remembered at most; beyond, those whose bucket has refilled are forgotten. */
  private static final int REMEMBERED_MAX = 10_000;

  private final int perMinute;
  private final Map<String, TokenBucket> buckets = new HashMap<>();

  public ChangeAllowance(int perMinute) {
    this.perMinute = perMinute;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long waitMs = take(Authentication.actor(ctx).id(), System.nanoTime());
    if (waitMs <= 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (waitMs + 999) / 1000);
    Problems.send(ctx, new ServiceError(ErrorCode.RATE_LIMITED, "Too many account changes: try again in "
        + seconds + " s.", List.of(), seconds));
  }

  /** Takes one change from the user's bucket: 0 when allowed, else how long until one is. */
  private synchronized long take(String userId, long now) {
    if (buckets.size() >= REMEMBERED_MAX) {
      buckets.values().removeIf(bucket -> bucket.isFullAt(now));
    }
    TokenBucket bucket = buckets.computeIfAbsent(userId, id -> new TokenBucket(perMinute / 60.0, perMinute, now));
    return bucket.tryTake(1, now) ? 0 : bucket.millisUntil(1);
  }
}
