package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.CloseCodes;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Access tokens Parley did not issue, or no longer honours, are refused on REST (401) and on the socket (4401). */
@ExtendWith(VertxExtension.class)
class TokenForgeryTest {

  private static ParleyStack parley;
  private static JsonObject admin;
  private static JsonObject user;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    admin = parley.newUser("root");
    user = parley.newUser("mallory");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void theRealTokenWorks() {
    assertAccepted(token(user));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    assertRefused(ForgedTokens.unsigned(token(user)));
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    assertRefused(ForgedTokens.signedByAnotherKey(parley.vertx(), ForgedTokens.claimsOf(token(admin))));
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsRefused() {
    assertRefused(ForgedTokens.hmacWithPublicKey(parley.vertx(), parley.signingKeys().publicKeyPem(),
        ForgedTokens.claimsOf(token(admin))));
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String promoted = ForgedTokens.tampered(token(user), "role", "admin");
    assertRefused(promoted);
    String someoneElse = ForgedTokens.tampered(token(user), "sub", ParleyStack.userId(admin));
    assertRefused(someoneElse);
    assertEquals(401, parley.rest().get("/api/admin/users", promoted).status());
  }

  @Test
  void anExpiredTokenSignedWithTheRealKeyIsRefused() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims = ForgedTokens.claimsOf(token(user));
    String privatePem = parley.signingKeys().privateKeyPem();

    String expired = ForgedTokens.signedWith(parley.vertx(), "ES256", privatePem,
        claims.copy().put("iat", now - 1000).put("exp", now - 60));
    String fresh = ForgedTokens.signedWith(parley.vertx(), "ES256", privatePem,
        claims.copy().put("iat", now).put("exp", now + 60));

    assertAccepted(fresh);
    assertRefused(expired);
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    JsonObject claims = ForgedTokens.claimsOf(token(user));
    claims.remove("exp");
    assertRefused(ForgedTokens.signedWith(parley.vertx(), "ES256", parley.signingKeys().privateKeyPem(), claims));
  }

  @Test
  void garbageAndMissingTokensAreRefused() {
    assertRefused("not-a-token");
    assertRefused("a.b.c");
    RestClient.Reply none = parley.rest().get("/api/users/me", null);
    assertEquals(401, none.status());
    assertEquals("unauthenticated", none.code());
    assertEquals("Bearer", none.header("WWW-Authenticate"));
  }

  private static void assertAccepted(String token) {
    RestClient.Reply me = parley.rest().get("/api/users/me", token);
    assertEquals(200, me.status(), me.raw().bodyAsString());
    SocketClient socket = SocketClient.authenticated(parley.vertx(), parley.port(), token);
    socket.close();
  }

  private static void assertRefused(String token) {
    RestClient.Reply me = parley.rest().get("/api/users/me", token);
    assertEquals(401, me.status(), me.raw().bodyAsString());
    assertEquals("unauthenticated", me.code());
    assertEquals("application/problem+json", me.header("Content-Type"));

    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    socket.send(new JsonObject().put("type", "auth").put("token", token));
    SocketAssertions.assertClosedWith(CloseCodes.UNAUTHENTICATED, socket, 5_000);
    socket.close();
  }
}
