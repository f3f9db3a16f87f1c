package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.auth.AuthConfig;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a two-second refresh lifetime: an idle session expires, and the clean-up job deletes its records. */
@ExtendWith(VertxExtension.class)
class SessionExpiryTest {

  private static ParleyStack parley;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject()
        .put(AuthConfig.REFRESH_TOKEN_TTL_SECONDS, 2)
        .put(AuthConfig.CLEANUP_INTERVAL_MS, 200));
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void anIdleSessionExpiresAndIsCleanedUp() {
    JsonObject session = parley.newUser("sleeper");
    String userId = ParleyStack.userId(session);
    MongoClient store = parley.store();
    assertEquals(1L, sessionsOf(store, userId));

    JsonObject refreshed = refresh(session.getString("refreshToken"));
    assertEquals(1L, sessionsOf(store, userId), "a refresh goes on in the same session");

    long left = Eventually.poll(() -> sessionsOf(store, userId), count -> count == 0, 6_000);
    assertEquals(0L, left, "the clean-up job deleted the expired session");
    // The job deletes the session, then in a second command its refresh tokens: polled, not read at once.
    long tokensLeft = Eventually.poll(() -> Await.result(store.count("refresh_tokens",
        new JsonObject().put("userId", userId))), count -> count == 0, 2_000);
    assertEquals(0L, tokensLeft, "the clean-up job deleted the expired session's refresh tokens");

    RestClient.Reply late = parley.rest().post("/api/token/refresh",
        new JsonObject().put("refreshToken", refreshed.getString("refreshToken")));
    assertEquals(401, late.status());
    assertEquals("unauthenticated", late.code());
    store.close();
  }

  private static JsonObject refresh(String refreshToken) {
    RestClient.Reply reply = parley.rest().post("/api/token/refresh",
        new JsonObject().put("refreshToken", refreshToken));
    assertEquals(200, reply.status());
    return reply.json();
  }

  private static long sessionsOf(MongoClient store, String userId) {
    return Await.result(store.count("sessions", new JsonObject().put("userId", userId)));
  }
}
