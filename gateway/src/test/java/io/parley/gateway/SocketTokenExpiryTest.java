package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contract.CloseCodes;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A socket lives as long as its access token, and a fresh token sent as {@code auth} keeps it going. */
@ExtendWith(VertxExtension.class)
class SocketTokenExpiryTest {

  private static ParleyStack parley;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject().put("PARLEY_ACCESS_TOKEN_TTL_SECONDS", 5));
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void aSocketClosesWith4401WhenItsTokenExpires() {
    SocketClient socket = parley.socket(parley.newUser("short"));
    assertEquals(CloseCodes.UNAUTHENTICATED, socket.awaitClose(8_000));
  }

  @Test
  void aFreshTokenRenewsTheSocket() {
    JsonObject alice = parley.newUser("renewing");
    JsonObject other = parley.newUser("other");
    SocketClient socket = parley.socket(alice);
    String username = alice.getJsonObject("user").getString("username");

    sleep(3_000);
    JsonObject fresh = parley.login(username, alice.getString("password"));
    socket.send(new JsonObject().put("type", "auth").put("ref", "r").put("token", token(fresh)));
    JsonObject renewed = socket.next("auth_renewed");
    assertEquals("r", renewed.getString("ref"));

    assertNull(socket.awaitClose(3_000), "still open after the first token expired");
    socket.send(new JsonObject().put("type", "ping").put("ref", 1));
    assertEquals(1, socket.next("pong").getInteger("ref"));

    socket.send(new JsonObject().put("type", "auth").put("ref", "x").put("token", token(other)));
    assertEquals("forbidden", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("type", "auth").put("ref", "y").put("token", "forged"));
    assertEquals("unauthenticated", socket.next("error").getString("code"));
    assertEquals(CloseCodes.UNAUTHENTICATED, socket.awaitClose(8_000), "the renewed token expires in turn");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aTokenThatWorkedOverRestIsRefusedOnceItExpires() {
    JsonObject session = parley.newUser("resting");
    assertEquals(200, parley.rest().get("/api/users/me", token(session)).status());
    assertEquals(200, parley.rest().get("/api/users/me", token(session)).status(), "remembered, still valid");

    // 5 s of life and the verifier's 5 s of leeway.
    int status = Eventually.poll(() -> parley.rest().get("/api/users/me", token(session)).status(),
        code -> code != 200, 15_000);
    assertEquals(401, status);
  }
}
