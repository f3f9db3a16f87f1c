package io.parley.gateway.http.account;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
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

  private final double perMilli;
  private final int burst;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public ChangeAllowance(int perMinute) {
    this.perMilli = perMinute / 60_000.0;
    this.burst = perMinute;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long waitMs = take(Authentication.actor(ctx).id(), System.currentTimeMillis());
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
      buckets.values().removeIf(bucket -> bucket.tokens + (now - bucket.at) * perMilli >= burst);
    }
    Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(burst, now));
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMilli);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - bucket.tokens) / perMilli);
  }
}
