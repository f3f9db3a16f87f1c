package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static io.parley.gateway.SocketAssertions.assertClosedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.AuthConfig;
import io.parley.contract.CloseCodes;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Personal access tokens for scripts and bots: made, used on REST and the socket, listed, revoked, refused. */
@ExtendWith(VertxExtension.class)
class PersonalTokensTest {

  private static final int TOKENS_PER_USER = 3;

  private static ParleyStack parley;
  private static RestClient rest;
  private static JsonObject admin;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject().put(AuthConfig.TOKENS_PER_USER, TOKENS_PER_USER)
        .put(GatewayConfig.ACCOUNT_CHANGES_PER_MINUTE, 1000));
    rest = parley.rest();
    admin = parley.newUser("chief");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void aTokenIsShownOnceAndWorksAsItsUserOnRestAndTheSocket() {
    JsonObject bot = parley.newUser("botmaker");
    JsonObject made = create(bot, new JsonObject().put("name", "deploy bot").put("expiresInDays", 30));
    String pat = made.getString("token");
    assertTrue(pat.startsWith("pat_") && pat.length() > 40, pat);
    assertEquals("deploy bot", made.getString("name"));
    assertTrue(Instant.parse(made.getString("expiresAt")).isAfter(Instant.now().plusSeconds(29L * 86_400)));
    assertNull(made.getValue("lastUsedAt"));

    RestClient.Reply me = rest.get("/api/users/me", pat);
    assertEquals(200, me.status(), me.raw().bodyAsString());
    assertEquals(userId(bot), me.json().getString("id"));
    String roomId = parley.createRoom(bot, "public");
    assertEquals(201, rest.post("/api/messages", pat, new JsonObject().put("roomId", roomId).put("text", "from ci"))
        .status());
    SocketClient socket = SocketClient.authenticated(parley.vertx(), parley.port(), pat);
    socket.send(new JsonObject().put("type", "message").put("ref", "b1").put("roomId", roomId).put("text", "hi"));
    assertEquals("ack", socket.answerTo("b1").getString("type"));
    socket.close();

    JsonArray listed = rest.get("/api/users/me/tokens", token(bot)).raw().bodyAsJsonArray();
    assertEquals(1, listed.size());
    JsonObject shown = listed.getJsonObject(0);
    assertEquals(made.getString("id"), shown.getString("id"));
    assertFalse(shown.containsKey("token"), "the secret is never listed");
    assertNotNull(shown.getString("lastUsedAt"), "its use was recorded");
    assertFalse(rest.get("/api/users/me/tokens", token(bot)).raw().bodyAsString().contains(pat));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndItsSocketsClose() {
    JsonObject owner = parley.newUser("revoker");
    JsonObject made = create(owner, new JsonObject().put("name", "script"));
    String pat = made.getString("token");
    assertEquals(200, rest.get("/api/users/me", pat).status(), "checked and remembered by the gateway");
    SocketClient here = SocketClient.authenticated(parley.vertx(), parley.port(), pat);
    int otherGateway = parley.startAnotherGateway();
    SocketClient there = SocketClient.authenticated(parley.vertx(), otherGateway, pat);

    assertEquals(204, rest.delete("/api/users/me/tokens/" + made.getString("id"), token(owner)).status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, here, 2_000);
    assertClosedWith(CloseCodes.UNAUTHENTICATED, there, 2_000);
    RestClient.Reply refused = rest.get("/api/users/me", pat);
    assertEquals(401, refused.status(), "refused although this gateway had it remembered");
    assertEquals("unauthenticated", refused.code());
    SocketClient late = SocketClient.connect(parley.vertx(), parley.port());
    late.send(new JsonObject().put("type", "auth").put("token", pat));
    assertClosedWith(CloseCodes.UNAUTHENTICATED, late, 5_000);
    assertEquals(0, rest.get("/api/users/me/tokens", token(owner)).raw().bodyAsJsonArray().size());
    assertEquals(404, rest.delete("/api/users/me/tokens/" + made.getString("id"), token(owner)).status());
  }

  @Test
  void aTokenNeverReachesTheAdminApiNorTheAccountsSignIn() {
    String pat = create(admin, new JsonObject().put("name", "admin's script")).getString("token");
    assertEquals(200, rest.get("/api/admin/users", token(admin)).status(), "its user is an admin");
    for (RestClient.Reply reply : new RestClient.Reply[] {
        rest.get("/api/admin/users", pat), rest.get("/api/admin/stats", pat),
        rest.post("/api/admin/users/" + userId(parley.newUser("victim")) + "/ban", pat, null),
        rest.post("/api/users/me/tokens", pat, new JsonObject().put("name", "successor")),
        rest.get("/api/users/me/tokens", pat), rest.get("/api/sessions", pat), rest.delete("/api/sessions", pat),
        rest.post("/api/users/me/totp", pat, null),
        rest.post("/api/users/me/password", pat, new JsonObject().put("currentPassword", admin.getString("password"))
            .put("newPassword", "a brand new passphrase"))}) {
      assertEquals(403, reply.status(), reply.raw().bodyAsString());
      assertEquals("forbidden", reply.code());
    }
    assertEquals(200, rest.post("/api/login", new JsonObject().put("username", admin.getJsonObject("user")
        .getString("username")).put("password", admin.getString("password"))).status(), "the password is as it was");
  }

  @Test
  void anExpiredTokenIsRefused() {
    JsonObject owner = parley.newUser("expirer");
    JsonObject made = create(owner, new JsonObject().put("name", "short-lived").put("expiresInDays", 1));
    MongoClient store = parley.store();
    Await.result(store.updateCollection("personal_tokens", new JsonObject().put("_id", made.getString("id")),
        new JsonObject().put("$set", new JsonObject().put("expiresAt", System.currentTimeMillis() - 1_000))));
    store.close();
    assertEquals(401, rest.get("/api/users/me", made.getString("token")).status());
    assertEquals(0, rest.get("/api/users/me/tokens", token(owner)).raw().bodyAsJsonArray().size());
  }

  @Test
  void madeUpTokensAnotherUsersTokenAndBadRequestsAreRefused() {
    JsonObject ann = parley.newUser("holder");
    JsonObject bo = parley.newUser("snoop");
    JsonObject made = create(ann, new JsonObject().put("name", "mine"));
    assertEquals(404, rest.delete("/api/users/me/tokens/" + made.getString("id"), token(bo)).status());
    assertEquals(200, rest.get("/api/users/me", made.getString("token")).status(), "still works");
    assertEquals(401, rest.get("/api/users/me", "pat_" + "A".repeat(43)).status());
    assertEquals(401, rest.get("/api/users/me", made.getString("token") + "x").status());
    assertEquals(400, rest.post("/api/users/me/tokens", token(ann), new JsonObject()).status());
    assertEquals(400, rest.post("/api/users/me/tokens", token(ann), new JsonObject().put("name", "x")
        .put("expiresInDays", 0)).status());
  }

  @Test
  void aUserHoldsABoundedNumberOfTokens() {
    JsonObject hoarder = parley.newUser("hoarder");
    String first = null;
    for (int i = 0; i < TOKENS_PER_USER; i++) {
      String id = create(hoarder, new JsonObject().put("name", "t" + i)).getString("id");
      first = first == null ? id : first;
    }
    RestClient.Reply refused = rest.post("/api/users/me/tokens", token(hoarder), new JsonObject().put("name", "more"));
    assertEquals(429, refused.status());
    assertEquals("rate_limited", refused.code());
    assertEquals(204, rest.delete("/api/users/me/tokens/" + first, token(hoarder)).status());
    create(hoarder, new JsonObject().put("name", "instead"));
  }

  private static JsonObject create(JsonObject session, JsonObject request) {
    RestClient.Reply made = rest.post("/api/users/me/tokens", token(session), request);
    assertEquals(201, made.status(), made.raw().bodyAsString());
    return made.json();
  }
}
