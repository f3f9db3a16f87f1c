package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.SocketAssertions.assertClosedWith;
import static io.parley.gateway.SocketAssertions.assertStillOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.AuthConfig;
import io.parley.contract.CloseCodes;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user's sessions (each a device) and their password: listed, ended, changed; ended sessions' sockets close. */
@ExtendWith(VertxExtension.class)
class SessionListTest {

  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  private static ParleyStack parley;
  private static RestClient rest;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject().put(AuthConfig.LOGIN_FAILURES_PER_USERNAME, 3)
        .put(AuthConfig.LOGIN_FAILURES_PER_ADDRESS, 1000));
    rest = parley.rest();
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void sessionsAreListedWithTheirDeviceAndAddressTheCallersMarked() {
    JsonObject phone = parley.newUser("lister");
    JsonObject laptop = loginFrom(phone, FIREFOX);
    JsonArray sessions = rest.get("/api/sessions", token(laptop)).raw().bodyAsJsonArray();
    assertEquals(2, sessions.size());
    JsonObject first = sessions.getJsonObject(0);
    assertEquals(List.of("address", "createdAt", "current", "id", "lastUsedAt", "userAgent"),
        first.fieldNames().stream().sorted().toList());
    assertEquals(FIREFOX, first.getString("userAgent"), "the most recently used first");
    assertTrue(first.getBoolean("current"));
    assertEquals("127.0.0.1", first.getString("address"));
    assertFalse(sessions.getJsonObject(1).getBoolean("current"));
    assertEquals(sid(phone), sessions.getJsonObject(1).getString("id"));
  }

  @Test
  void endingASessionClosesItsSocketsOnEveryGatewayAndItsRefreshFails() {
    JsonObject phone = parley.newUser("ender");
    JsonObject laptop = loginFrom(phone, FIREFOX);
    SocketClient phoneHere = parley.socket(phone);
    SocketClient phoneThere = SocketClient.authenticated(parley.vertx(), parley.startAnotherGateway(), token(phone));
    SocketClient laptopSocket = parley.socket(laptop);

    assertEquals(204, rest.delete("/api/sessions/" + sid(phone), token(laptop)).status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, phoneHere, 2_000);
    assertClosedWith(CloseCodes.UNAUTHENTICATED, phoneThere, 2_000);
    assertStillOpen(laptopSocket);
    assertEquals(401, refresh(phone).status());
    assertEquals(401, rest.get("/api/users/me", token(phone)).status());
    assertEquals(1, rest.get("/api/sessions", token(laptop)).raw().bodyAsJsonArray().size());
    assertEquals(404, rest.delete("/api/sessions/" + sid(phone), token(laptop)).status(), "ended already");
    laptopSocket.close();
  }

  @Test
  void anotherUsersSessionIsNotFoundAndStaysOpen() {
    JsonObject ann = parley.newUser("owner");
    JsonObject bo = parley.newUser("meddler");
    for (String id : List.of(sid(ann), "not-an-id", "abcdefghijklmnopqrst")) {
      RestClient.Reply reply = rest.delete("/api/sessions/" + id, token(bo));
      assertEquals(404, reply.status(), id);
      assertEquals("not_found", reply.code());
    }
    assertEquals(200, rest.get("/api/users/me", token(ann)).status());
    assertEquals(200, refresh(ann).status());
  }

  @Test
  void endingAllOthersKeepsTheCallersSession() {
    JsonObject first = parley.newUser("cleaner");
    JsonObject second = loginFrom(first, "curl/8.5.0");
    JsonObject third = loginFrom(first, FIREFOX);
    SocketClient secondSocket = parley.socket(second);
    SocketClient thirdSocket = parley.socket(third);

    assertEquals(204, rest.delete("/api/sessions", token(first)).status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, secondSocket, 2_000);
    assertClosedWith(CloseCodes.UNAUTHENTICATED, thirdSocket, 2_000);
    assertEquals(401, refresh(second).status());
    assertEquals(401, refresh(third).status());
    JsonArray left = rest.get("/api/sessions", token(first)).raw().bodyAsJsonArray();
    assertEquals(1, left.size());
    assertTrue(left.getJsonObject(0).getBoolean("current"));
    assertEquals(200, refresh(first).status());
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndEndsEveryOtherSession() {
    JsonObject here = parley.newUser("changer");
    JsonObject elsewhere = loginFrom(here, FIREFOX);
    SocketClient elsewhereSocket = parley.socket(elsewhere);
    SocketClient hereSocket = parley.socket(here);

    RestClient.Reply wrong = change(here, "not my password", "a brand new passphrase");
    assertEquals(401, wrong.status());
    assertEquals("bad_password", wrong.code());
    RestClient.Reply weak = change(here, here.getString("password"), "password1");
    assertEquals(400, weak.status());
    assertEquals("weak_password", weak.code());
    assertEquals("newPassword", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertStillOpen(elsewhereSocket);

    assertEquals(204, change(here, here.getString("password"), "a brand new passphrase").status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, elsewhereSocket, 2_000);
    assertEquals(401, refresh(elsewhere).status());
    assertStillOpen(hereSocket);
    assertEquals(200, refresh(here).status(), "the session that changed it goes on");
    assertEquals(401, login(username(here), here.getString("password")).status());
    assertEquals(200, login(username(here), "a brand new passphrase").status());
    hereSocket.close();
  }

  @Test
  void wrongCurrentPasswordsAreThrottledLikeLogins() {
    JsonObject ann = parley.newUser("guessee");
    for (int i = 0; i < 3; i++) {
      assertEquals("bad_password", change(ann, "guess number " + i, "a brand new passphrase").code());
    }
    RestClient.Reply locked = change(ann, ann.getString("password"), "a brand new passphrase");
    assertEquals(429, locked.status(), "even the right one, while throttled");
    assertEquals(400, rest.post("/api/users/me/password", token(ann), new JsonObject().put("newPassword", 5))
        .status());
  }

  private static JsonObject loginFrom(JsonObject session, String userAgent) {
    RestClient.Reply reply = rest.send(HttpMethod.POST, "/api/login", null, new JsonObject()
        .put("username", username(session)).put("password", session.getString("password")).encode(),
        Map.of("User-Agent", userAgent));
    assertEquals(200, reply.status(), reply.raw().bodyAsString());
    return reply.json();
  }

  private static RestClient.Reply change(JsonObject session, String current, String next) {
    return rest.post("/api/users/me/password", token(session), new JsonObject().put("currentPassword", current)
        .put("newPassword", next));
  }

  private static RestClient.Reply login(String username, String password) {
    return rest.post("/api/login", new JsonObject().put("username", username).put("password", password));
  }

  private static RestClient.Reply refresh(JsonObject session) {
    return rest.post("/api/token/refresh", new JsonObject().put("refreshToken", session.getString("refreshToken")));
  }

  private static String sid(JsonObject session) {
    return ForgedTokens.claimsOf(token(session)).getString("sid");
  }

  private static String username(JsonObject session) {
    return session.getJsonObject("user").getString("username");
  }
}
