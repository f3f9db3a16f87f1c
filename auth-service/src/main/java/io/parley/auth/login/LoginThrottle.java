package io.parley.auth.login;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slows password guessing: after too many failed logins for one username, or from one client address, within a
 * sliding window, further attempts are refused with {@code rate_limited} and a {@code Retry-After} until the
 * oldest of those failures leaves the window. Refused attempts are not counted, so the owner is never locked
 * out for longer than one window after the last real failure.
 *
 * <p>The failures live in MongoDB ({@code login_failures}, one record per username or address holding the times
 * of its latest failures), so every auth-service instance sees the same counts. Each record is updated with one
 * atomic {@code $push ... $slice}; two instances checking at the same moment may let a few extra attempts
 * through, never unboundedly many.
 */
public final class LoginThrottle {

  static final String FAILURES = "login_failures";
  private static final String USERNAME_KEY = "username:";
  private static final String ADDRESS_KEY = "address:";

  private final MongoClient mongo;
  private final Clock clock;
  private final int perUsername;
  private final int perAddress;
  private final Duration window;

  public LoginThrottle(MongoClient mongo, Clock clock, int perUsername, int perAddress, Duration window) {
    this.mongo = mongo;
    this.clock = clock;
    this.perUsername = perUsername;
    this.perAddress = perAddress;
    this.window = window;
  }

  /** Succeeds when a login for this username from this address may be tried; else fails {@code rate_limited}. */
  public Future<Void> checkAllowed(String usernameKey, String clientAddress) {
    List<String> keys = keys(usernameKey, clientAddress);
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(keys)));
    return mongo.find(FAILURES, query).compose(records -> {
      long now = clock.millis();
      long waitMs = 0;
      for (JsonObject record : records) {
        waitMs = Math.max(waitMs, waitMs(record, now));
      }
      if (waitMs <= 0) {
        return Future.succeededFuture();
      }
      long retryAfterSeconds = Math.max(1, (waitMs + 999) / 1000);
      return Future.failedFuture(new ServiceError(ErrorCode.RATE_LIMITED,
          "Too many failed logins. Try again in " + retryAfterSeconds + " s.", List.of(), retryAfterSeconds));
    });
  }

  public Future<Void> recordFailure(String usernameKey, String clientAddress) {
    long now = clock.millis();
    List<Future<?>> writes = new ArrayList<>();
    for (String key : keys(usernameKey, clientAddress)) {
      JsonObject update = new JsonObject()
          .put("$push", new JsonObject().put("failures", new JsonObject()
              .put("$each", new JsonArray().add(now))
              .put("$slice", -limitOf(key))))
          .put("$set", new JsonObject().put("lastFailureAt", now));
      writes.add(mongo.updateCollectionWithOptions(FAILURES, new JsonObject().put("_id", key), update,
          new UpdateOptions().setUpsert(true)));
    }
    return Future.all(writes).mapEmpty();
  }

  /** A successful login proves the owner: their username's failures are forgotten (the address's are not). */
  public Future<Void> forgetUsername(String usernameKey) {
    return mongo.removeDocuments(FAILURES, new JsonObject().put("_id", USERNAME_KEY + usernameKey)).mapEmpty();
  }

  /** Deletes records whose latest failure has left the window. */
  public Future<Void> purgeExpired() {
    long oldest = clock.millis() - window.toMillis();
    return mongo.removeDocuments(FAILURES, new JsonObject().put("lastFailureAt", new JsonObject().put("$lte", oldest)))
        .mapEmpty();
  }

  /** How long until this record allows another attempt: 0 when it allows one now. */
  private long waitMs(JsonObject record, long now) {
    JsonArray failures = record.getJsonArray("failures", new JsonArray());
    long windowStart = now - window.toMillis();
    List<Long> recent = new ArrayList<>();
    for (Object at : failures) {
      if (at instanceof Number time && time.longValue() > windowStart) {
        recent.add(time.longValue());
      }
    }
    int limit = limitOf(record.getString("_id"));
    if (recent.size() < limit) {
      return 0;
    }
    // Another attempt is allowed once only limit - 1 failures are left in the window.
    recent.sort(null);
    return recent.get(recent.size() - limit) + window.toMillis() - now;
  }

  private int limitOf(String key) {
    return key.startsWith(USERNAME_KEY) ? perUsername : perAddress;
  }

  private static List<String> keys(String usernameKey, String clientAddress) {
    List<String> keys = new ArrayList<>();
    keys.add(USERNAME_KEY + usernameKey);
    if (clientAddress != null && !clientAddress.isBlank()) {
      keys.add(ADDRESS_KEY + clientAddress);
    }
    return keys;
  }
}
