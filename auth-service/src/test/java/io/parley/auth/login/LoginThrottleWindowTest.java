package io.parley.auth.login;

import io.parley.auth.ManualClock;
import io.parley.auth.StoreFixture;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** The sliding window of failed logins and the Retry-After it answers, with a hand-moved clock. */
@ExtendWith(VertxExtension.class)
class LoginThrottleWindowTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);

  private StoreFixture fixture;
  private ManualClock clock;
  private LoginThrottle throttle;

  @BeforeEach
  void setUp(Vertx vertx) {
    fixture = new StoreFixture(vertx);
    clock = new ManualClock();
    throttle = new LoginThrottle(fixture.mongo(), clock, 5, 20, WINDOW);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void theFifthFailureBlocksUntilTheFirstLeavesTheWindow() {
    for (int i = 0; i < 5; i++) {
      Await.result(throttle.checkAllowed("ann", "10.0.0.1"));
      Await.result(throttle.recordFailure("ann", "10.0.0.1"));
      clock.advance(Duration.ofMinutes(1));
    }
    // First failure at t=0, now t=5 min: blocked for 10 more minutes.
    assertEquals(600, retryAfter("ann", "10.0.0.9"));
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertEquals(1, retryAfter("ann", "10.0.0.9"));
    clock.advance(Duration.ofSeconds(1));
    Await.result(throttle.checkAllowed("ann", "10.0.0.9"));

    // Four failures are still in the window: one more blocks again, until the second one leaves it.
    Await.result(throttle.recordFailure("ann", "10.0.0.9"));
    assertEquals(60, retryAfter("ann", "10.0.0.9"));
  }

  @Test
  void aSuccessForgetsTheUsernameButNotTheAddress() {
    for (int i = 0; i < 20; i++) {
      Await.result(throttle.recordFailure(i < 5 ? "bob" : "user" + i, "10.0.0.2"));
    }
    Await.result(throttle.forgetUsername("bob"));
    assertEquals(WINDOW.toSeconds(), retryAfter("bob", "10.0.0.2"));
    Await.result(throttle.checkAllowed("bob", "10.0.0.3"));
  }

  @Test
  void theCleanUpDropsRecordsWhoseLastFailureLeftTheWindow() {
    Await.result(throttle.recordFailure("carol", "10.0.0.4"));
    clock.advance(WINDOW.minusSeconds(1));
    Await.result(throttle.recordFailure("dave", "10.0.0.5"));
    clock.advance(Duration.ofSeconds(1));
    Await.result(throttle.purgeExpired());
    assertEquals(2L, Await.result(fixture.mongo().count(LoginThrottle.FAILURES, new JsonObject())));
  }

  private long retryAfter(String usernameKey, String address) {
    ServiceError error = (ServiceError) Await.failure(throttle.checkAllowed(usernameKey, address));
    assertEquals(ErrorCode.RATE_LIMITED, error.code());
    return error.retryAfterSeconds();
  }
}
