package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static io.parley.gateway.SocketAssertions.assertClosedWith;
import static io.parley.gateway.SocketAssertions.assertStillOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.CloseCodes;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admins list, ban, unban and promote users; nobody else can. */
@ExtendWith(VertxExtension.class)
class AdminUsersTest {

  private static ParleyStack parley;
  private static RestClient rest;
  private static JsonObject admin;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
    admin = parley.newUser("boss");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void theFirstUserIsTheAdmin() {
    assertEquals("admin", admin.getJsonObject("user").getString("role"));
    assertEquals("admin", ForgedTokens.claimsOf(token(admin)).getString("role"));
  }

  @Test
  void everyAdminEndpointRefusesAUser() {
    JsonObject user = parley.newUser("pleb");
    String target = userId(parley.newUser("target"));
    List<RestClient.Reply> replies = List.of(
        rest.get("/api/admin/users", token(user)),
        rest.post("/api/admin/users/" + target + "/ban", token(user), null),
        rest.post("/api/admin/users/" + target + "/unban", token(user), null),
        rest.post("/api/admin/users/" + userId(user) + "/role", token(user), new JsonObject().put("role", "admin")));
    for (RestClient.Reply reply : replies) {
      assertEquals(403, reply.status(), reply.raw().bodyAsString());
      assertEquals("forbidden", reply.code());
    }
    assertEquals("user", rest.get("/api/users/me", token(user)).json().getString("role"));
  }

  @Test
  void adminsSeeEveryUserWithTheirBanState() {
    JsonObject listed = parley.newUser("listed");
    RestClient.Reply reply = rest.get("/api/admin/users?q=listed", token(admin));
    assertEquals(200, reply.status());
    JsonObject user = reply.json().getJsonArray("users").getJsonObject(0);
    assertEquals(userId(listed), user.getString("id"));
    assertFalse(user.getBoolean("banned"));
  }

  @Test
  void aBannedUserIsLockedOutEverywhereUntilUnbanned() {
    JsonObject bad = parley.newUser("troll");
    JsonObject bystander = parley.newUser("bystander");
    SocketClient first = parley.socket(bad);
    SocketClient second = parley.socket(parley.login(username(bad), bad.getString("password")));
    SocketClient innocent = parley.socket(bystander);

    RestClient.Reply banned = rest.post("/api/admin/users/" + userId(bad) + "/ban", token(admin), null);
    assertEquals(200, banned.status(), banned.raw().bodyAsString());
    assertTrue(banned.json().getBoolean("banned"));

    assertClosedWith(CloseCodes.BANNED, first, 1_000);
    assertClosedWith(CloseCodes.BANNED, second, 1_000);
    assertStillOpen(innocent);

    RestClient.Reply login = login(bad);
    assertEquals(403, login.status());
    assertEquals("banned", login.code());
    RestClient.Reply refresh = rest.post("/api/token/refresh",
        new JsonObject().put("refreshToken", bad.getString("refreshToken")));
    assertEquals(403, refresh.status());
    assertEquals("banned", refresh.code());
    assertEquals(401, rest.get("/api/users/me", token(bad)).status());
    assertEquals(List.of(), rest.get("/api/users?q=" + username(bad), token(bystander)).json()
        .getJsonArray("users").getList(), "banned users leave the directory");
    assertTrue(rest.get("/api/admin/users?q=" + username(bad), token(admin)).json().getJsonArray("users")
        .getJsonObject(0).getBoolean("banned"));

    RestClient.Reply unbanned = rest.post("/api/admin/users/" + userId(bad) + "/unban", token(admin), null);
    assertEquals(200, unbanned.status());
    assertFalse(unbanned.json().getBoolean("banned"));
    RestClient.Reply back = login(bad);
    assertEquals(200, back.status());
    SocketClient.authenticated(parley.vertx(), parley.port(), token(back.json())).close();
    innocent.close();
  }

  @Test
  void aPromotedUserBecomesAdminAtTheirNextRefreshAndADemotedOneLosesItAtOnce() {
    JsonObject deputy = parley.newUser("deputy");
    RestClient.Reply promoted = rest.post("/api/admin/users/" + userId(deputy) + "/role", token(admin),
        new JsonObject().put("role", "admin"));
    assertEquals(200, promoted.status());
    assertEquals("admin", promoted.json().getString("role"));

    JsonObject refreshed = rest.post("/api/token/refresh",
        new JsonObject().put("refreshToken", deputy.getString("refreshToken"))).json();
    assertEquals("admin", ForgedTokens.claimsOf(token(refreshed)).getString("role"));
    assertEquals(200, rest.get("/api/admin/users", token(refreshed)).status());

    assertEquals(200, rest.post("/api/admin/users/" + userId(deputy) + "/role", token(admin),
        new JsonObject().put("role", "user")).status());
    RestClient.Reply stale = rest.get("/api/admin/users", token(refreshed));
    assertEquals(403, stale.status(), "auth-service checks the stored role, not the token's");
    assertEquals("forbidden", stale.code());
  }

  @Test
  void adminRoutesFollowTheStoredRoleNeverTheTokensClaim() {
    JsonObject deputy = parley.newUser("second");
    String roomId = parley.createRoom(deputy, "public");
    assertEquals(200, setRole(deputy, "admin").status());
    assertEquals("user", ForgedTokens.claimsOf(token(deputy)).getString("role"));
    assertEquals(200, rest.get("/api/admin/users", token(deputy)).status(), "promoted: admin at once");

    JsonObject refreshed = rest.post("/api/token/refresh",
        new JsonObject().put("refreshToken", deputy.getString("refreshToken"))).json();
    assertEquals(200, setRole(deputy, "user").status());
    assertEquals("admin", ForgedTokens.claimsOf(token(refreshed)).getString("role"));
    for (RestClient.Reply stale : List.of(
        rest.delete("/api/admin/rooms/" + roomId, token(refreshed)),
        rest.get("/api/admin/stats", token(refreshed)))) {
      assertEquals(403, stale.status(), stale.raw().bodyAsString());
      assertEquals("forbidden", stale.code());
    }
    assertEquals(200, rest.get("/api/rooms/" + roomId, token(admin)).status(), "refused: nothing deleted");
  }

  @Test
  void adminsCannotBanOrDemoteThemselves() {
    String self = userId(admin);
    assertEquals(403, rest.post("/api/admin/users/" + self + "/ban", token(admin), null).status());
    assertEquals(403, rest.post("/api/admin/users/" + self + "/role", token(admin),
        new JsonObject().put("role", "user")).status());
    assertEquals(200, rest.get("/api/admin/users", token(admin)).status());
  }

  @Test
  void badTargetsAndRolesAreRefused() {
    String target = userId(parley.newUser("subject"));
    for (String missing : List.of("aaaaaaaaaaaaaaaaaaaa", "nope")) {
      RestClient.Reply reply = rest.post("/api/admin/users/" + missing + "/ban", token(admin), null);
      assertEquals(404, reply.status(), missing);
      assertEquals("not_found", reply.code());
    }
    for (Object role : List.of("root", 1, new JsonObject())) {
      RestClient.Reply reply = rest.post("/api/admin/users/" + target + "/role", token(admin),
          new JsonObject().put("role", role));
      assertEquals(400, reply.status(), String.valueOf(role));
      assertEquals("invalid_input", reply.code());
    }
    assertEquals(400, rest.post("/api/admin/users/" + target + "/role", token(admin), new JsonObject()).status());
    assertEquals("user", rest.get("/api/users/" + target, token(admin)).json().getString("role"));
  }

  private static RestClient.Reply setRole(JsonObject session, String role) {
    return rest.post("/api/admin/users/" + userId(session) + "/role", token(admin),
        new JsonObject().put("role", role));
  }

  private static RestClient.Reply login(JsonObject session) {
    return rest.post("/api/login", new JsonObject()
        .put("username", username(session)).put("password", session.getString("password")));
  }

  private static String username(JsonObject session) {
    return session.getJsonObject("user").getString("username");
  }
}
