package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.SocketAssertions.assertClosedWith;
import static io.parley.gateway.SocketAssertions.assertStillOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.parley.contract.CloseCodes;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refresh-token rotation, reuse detection and logout, across every gateway. */
@ExtendWith(VertxExtension.class)
class SessionsTest {

  private static ParleyStack parley;
  private static RestClient rest;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void aRefreshGivesANewPairAndTheOldRefreshTokenStopsWorking() {
    JsonObject session = parley.newUser("rotor");
    RestClient.Reply refreshed = refresh(session.getString("refreshToken"));
    assertEquals(200, refreshed.status(), refreshed.raw().bodyAsString());
    JsonObject pair = refreshed.json();
    assertNotEquals(session.getString("refreshToken"), pair.getString("refreshToken"));
    assertEquals(900, pair.getInteger("expiresIn"));
    assertEquals(ParleyStack.userId(session), pair.getJsonObject("user").getString("id"));
    assertEquals(ForgedTokens.claimsOf(token(session)).getString("sid"),
        ForgedTokens.claimsOf(token(pair)).getString("sid"), "the same session goes on");
    assertEquals(200, rest.get("/api/users/me", token(pair)).status());

    assertEquals(200, refresh(pair.getString("refreshToken")).status(), "the new refresh token works once");
  }

  @Test
  void reusingARotatedRefreshTokenEndsTheWholeSession() {
    JsonObject session = parley.newUser("thief");
    SocketClient socket = parley.socket(session);
    String stolen = session.getString("refreshToken");
    JsonObject legitimate = refresh(stolen).json();

    RestClient.Reply reuse = refresh(stolen);
    assertEquals(401, reuse.status());
    assertEquals("unauthenticated", reuse.code());

    assertEquals(401, refresh(legitimate.getString("refreshToken")).status(), "the rotated-to token died too");
    assertEquals(401, rest.get("/api/users/me", token(legitimate)).status());
    assertEquals(401, rest.get("/api/users/me", token(session)).status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, socket, 1_000);
    socket.close();
  }

  @Test
  void logoutEndsTheSessionAndClosesOnlyItsSockets() {
    JsonObject phone = parley.newUser("logger");
    String username = phone.getJsonObject("user").getString("username");
    JsonObject laptop = parley.login(username, phone.getString("password"));
    SocketClient phoneSocket = parley.socket(phone);
    SocketClient phoneSecondTab = parley.socket(phone);
    SocketClient laptopSocket = parley.socket(laptop);

    RestClient.Reply logout = rest.post("/api/logout", token(phone), null);
    assertEquals(204, logout.status());
    assertEquals(0, logout.raw().bodyAsBuffer() == null ? 0 : logout.raw().bodyAsBuffer().length());

    assertClosedWith(CloseCodes.UNAUTHENTICATED, phoneSocket, 1_000);
    assertClosedWith(CloseCodes.UNAUTHENTICATED, phoneSecondTab, 1_000);
    assertStillOpen(laptopSocket);

    assertEquals(401, refresh(phone.getString("refreshToken")).status());
    assertEquals(401, rest.get("/api/users/me", token(phone)).status());
    assertEquals(401, rest.post("/api/logout", token(phone), null).status());
    SocketClient again = SocketClient.connect(parley.vertx(), parley.port());
    again.send(new JsonObject().put("type", "auth").put("token", token(phone)));
    assertClosedWith(CloseCodes.UNAUTHENTICATED, again, 5_000);

    assertEquals(200, rest.get("/api/users/me", token(laptop)).status());
    assertEquals(200, refresh(laptop.getString("refreshToken")).status());
    laptopSocket.close();
  }

  @Test
  void everyGatewayClosesTheSocketsOfAnEndedSessionAndALaterGatewayKnowsItEnded() {
    int secondGateway = parley.startAnotherGateway();
    JsonObject session = parley.newUser("roamer");
    SocketClient here = parley.socket(session);
    SocketClient there = SocketClient.authenticated(parley.vertx(), secondGateway, token(session));

    assertEquals(204, rest.post("/api/logout", token(session), null).status());
    assertClosedWith(CloseCodes.UNAUTHENTICATED, here, 1_000);
    assertClosedWith(CloseCodes.UNAUTHENTICATED, there, 1_000);

    int thirdGateway = parley.startAnotherGateway();
    RestClient late = new RestClient(parley.vertx(), thirdGateway);
    assertEquals(401, late.get("/api/users/me", token(session)).status());
    JsonObject other = parley.newUser("roamer");
    assertEquals(200, late.get("/api/users/me", token(other)).status());
    late.close();
  }

  @Test
  void badRefreshRequestsAreRefusedWithoutEndingAnything() {
    JsonObject session = parley.newUser("prober");
    assertEquals(401, refresh("made-up-token").status());
    assertEquals(401, refresh(session.getString("refreshToken") + "x").status());
    RestClient.Reply missing = rest.post("/api/token/refresh", new JsonObject());
    assertEquals(400, missing.status());
    assertEquals("invalid_input", missing.code());
    for (Object wrong : List.of(12, true, new JsonObject().put("$ne", ""))) {
      RestClient.Reply reply = rest.post("/api/token/refresh", new JsonObject().put("refreshToken", wrong));
      assertEquals(400, reply.status(), String.valueOf(wrong));
    }
    assertEquals(400, rest.send(HttpMethod.POST, "/api/token/refresh", null, "{oops").status());
    assertEquals(200, refresh(session.getString("refreshToken")).status(), "the session is untouched");
  }

  @Test
  void logoutNeedsAToken() {
    RestClient.Reply reply = rest.post("/api/logout", null, null);
    assertEquals(401, reply.status());
    assertEquals("unauthenticated", reply.code());
  }

  private static RestClient.Reply refresh(String refreshToken) {
    return rest.post("/api/token/refresh", new JsonObject().put("refreshToken", refreshToken));
  }
}
