package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.AuthConfig;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed logins are throttled per username and per client address, for one window. Two auth-service instances
 * answer in turn, so the counts only add up because they are kept in the shared store. Each test speaks from its
 * own loopback address, so their address counts stay apart.
 */
@ExtendWith(VertxExtension.class)
class LoginThrottleTest {

  private static final int PER_USERNAME = 5;
  private static final int PER_ADDRESS = 10;
  private static final int WINDOW_SECONDS = 3;

  private static ParleyStack parley;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject()
        .put(AuthConfig.LOGIN_FAILURES_PER_USERNAME, PER_USERNAME)
        .put(AuthConfig.LOGIN_FAILURES_PER_ADDRESS, PER_ADDRESS)
        .put(AuthConfig.LOGIN_FAILURE_WINDOW_SECONDS, WINDOW_SECONDS));
    parley.startAnotherAuthService();
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void repeatedFailuresForOneUsernameAreThrottledFromAnyAddressUntilTheWindowPasses() {
    JsonObject victim = parley.newUser("victim");
    String username = victim.getJsonObject("user").getString("username");
    String password = victim.getString("password");
    WebClient attacker = clientFrom("127.0.0.2");
    for (int i = 0; i < PER_USERNAME; i++) {
      HttpResponse<Buffer> failed = login(attacker, username, "wrong-password-" + i);
      assertEquals(401, failed.statusCode());
      assertNull(failed.getHeader("Retry-After"));
    }

    HttpResponse<Buffer> blocked = login(attacker, username, password);
    assertEquals(429, blocked.statusCode(), "blocked even with the right password");
    assertEquals("rate_limited", blocked.bodyAsJsonObject().getString("code"));
    assertEquals("application/problem+json", blocked.getHeader("Content-Type"));
    int retryAfter = Integer.parseInt(blocked.getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After " + retryAfter);

    WebClient owner = clientFrom("127.0.0.3");
    assertEquals(429, login(owner, username.toUpperCase(), password).statusCode(), "the username is throttled");
    JsonObject bystander = parley.newUser("bystander");
    assertEquals(200, login(attacker, bystander.getJsonObject("user").getString("username"),
        bystander.getString("password")).statusCode(), "other users from that address are not");

    Eventually.sleep(retryAfter * 1000L + 100);
    assertEquals(200, login(owner, username, password).statusCode(), "the owner gets back in after the window");
  }

  @Test
  void repeatedFailuresFromOneAddressAreThrottledForEveryUsername() {
    JsonObject user = parley.newUser("neighbour");
    String username = user.getJsonObject("user").getString("username");
    WebClient sprayer = clientFrom("127.0.0.4");
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertEquals(401, login(sprayer, "guess" + i, "Spray-Password-1").statusCode());
    }

    HttpResponse<Buffer> blocked = login(sprayer, username, user.getString("password"));
    assertEquals(429, blocked.statusCode());
    assertTrue(Integer.parseInt(blocked.getHeader("Retry-After")) >= 1);
    assertEquals(200, login(clientFrom("127.0.0.5"), username, user.getString("password")).statusCode());
  }

  @Test
  void aSuccessfulLoginForgetsTheUsernamesFailures() {
    JsonObject user = parley.newUser("forgetful");
    String username = user.getJsonObject("user").getString("username");
    WebClient client = clientFrom("127.0.0.6");
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i < PER_USERNAME; i++) {
        assertEquals(401, login(client, username, "typo-password-" + i).statusCode());
      }
      assertEquals(200, login(client, username, user.getString("password")).statusCode());
    }
  }

  private static HttpResponse<Buffer> login(WebClient client, String username, String password) {
    return Await.result(client.post("/api/login").sendJsonObject(new JsonObject()
        .put("username", username).put("password", password)));
  }

  private static WebClient clientFrom(String localAddress) {
    return WebClient.create(parley.vertx(), new WebClientOptions()
        .setDefaultHost("127.0.0.1")
        .setDefaultPort(parley.port())
        .setLocalAddress(localAddress));
  }
}
