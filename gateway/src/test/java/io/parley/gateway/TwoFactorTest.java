package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.AuthConfig;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two-factor sign-in with TOTP, from enrolment to login, through the real gateway and auth-service. */
@ExtendWith(VertxExtension.class)
class TwoFactorTest {

  private static final int FAILURES_PER_USERNAME = 3;

  private static ParleyStack parley;
  private static RestClient rest;
  private static JsonObject admin;

  /** A signed-in user with two-factor sign-in on: their session, their app and their recovery codes. */
  private record Enrolled(JsonObject session, AuthenticatorApp app, String secret, List<String> recoveryCodes) {
    String username() {
      return session.getJsonObject("user").getString("username");
    }

    String password() {
      return session.getString("password");
    }
  }

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject()
        .put(AuthConfig.LOGIN_FAILURES_PER_USERNAME, FAILURES_PER_USERNAME)
        .put(AuthConfig.LOGIN_FAILURES_PER_ADDRESS, 1000));
    rest = parley.rest();
    admin = parley.newUser("root");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void enrolmentShowsTheSecretOnceAndAConfirmedCodeTurnsItOn() {
    JsonObject session = parley.newUser("enrols");
    RestClient.Reply started = rest.post("/api/users/me/totp", token(session), null);
    assertEquals(200, started.status(), started.raw().bodyAsString());
    String secret = started.json().getString("secret");
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    String uri = started.json().getString("otpauthUri");
    assertTrue(uri.startsWith("otpauth://totp/Parley:" + session.getJsonObject("user").getString("username")
        + "?secret=" + secret + "&issuer=Parley"), uri);
    assertTrue(started.json().getString("qrSvg").startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertEquals(new JsonObject().put("enabled", false).put("pending", true).put("recoveryCodesLeft", 0),
        rest.get("/api/users/me/totp", token(session)).json());
    assertEquals(200, loginReply(username(session), session.getString("password"), null).status(),
        "not on before it is confirmed");

    AuthenticatorApp app = new AuthenticatorApp(secret);
    RestClient.Reply wrong = confirm(session, app.wrongCode());
    assertEquals(401, wrong.status());
    assertEquals("bad_totp", wrong.code());
    RestClient.Reply confirmed = confirm(session, app.code(-1));
    assertEquals(200, confirmed.status(), confirmed.raw().bodyAsString());
    List<String> codes = confirmed.json().getJsonArray("recoveryCodes").stream().map(String.class::cast).toList();
    assertEquals(10, codes.stream().distinct().count());
    assertEquals(new JsonObject().put("enabled", true).put("pending", false).put("recoveryCodesLeft", 10),
        rest.get("/api/users/me/totp", token(session)).json());

    RestClient.Reply again = rest.post("/api/users/me/totp", token(session), null);
    assertEquals(400, again.status(), "no new secret while it is on");
    assertFalse(again.raw().bodyAsString().contains(secret));
  }

  @Test
  void theSecretIsNeverInAnAnswerAfterEnrolmentNorInTheStoreInClear() {
    Enrolled ann = enrolled("secretive");
    JsonObject login = login(ann.username(), ann.password(), ann.app().code(0));
    List<String> answers = List.of(
        rest.get("/api/users/me", token(ann.session())).raw().bodyAsString(),
        rest.get("/api/users/me/totp", token(ann.session())).raw().bodyAsString(),
        rest.get("/api/users/" + userId(ann.session()), token(admin)).raw().bodyAsString(),
        rest.get("/api/admin/users", token(admin)).raw().bodyAsString(),
        login.encode());
    SocketClient socket = parley.socket(login);
    answers.forEach(answer -> assertFalse(answer.contains(ann.secret()), answer));
    socket.close();

    MongoClient store = parley.store();
    JsonObject record = Await.result(store.findOne("totp_secrets", new JsonObject().put("_id", userId(ann.session())),
        null));
    assertFalse(record.encode().contains(ann.secret()), "sealed, not stored as it was shown");
    assertFalse(record.encode().contains(ann.recoveryCodes().get(0)), "recovery codes are stored hashed");
    store.close();
  }

  @Test
  void loginNeedsACodeOnceItIsOn() {
    Enrolled bo = enrolled("twofold");
    RestClient.Reply without = loginReply(bo.username(), bo.password(), null);
    assertEquals(401, without.status());
    assertEquals("totp_required", without.code());

    RestClient.Reply wrongPassword = loginReply(bo.username(), bo.password() + "x", bo.app().code(0));
    assertEquals("bad_credentials", wrongPassword.code(), "the password is checked first");

    JsonObject session = login(bo.username(), bo.password(), bo.app().code(0));
    assertEquals(200, rest.get("/api/users/me", token(session)).status());
  }

  @Test
  void aCodeIsAcceptedOnceAndAnExpiredOneNever() {
    Enrolled cy = enrolled("reuser");
    String code = cy.app().code(0);
    login(cy.username(), cy.password(), code);
    RestClient.Reply reused = loginReply(cy.username(), cy.password(), code);
    assertEquals(401, reused.status());
    assertEquals("bad_totp", reused.code());

    RestClient.Reply expired = loginReply(cy.username(), cy.password(), cy.app().code(-2));
    assertEquals("bad_totp", expired.code(), "a code from a minute ago");
    login(cy.username(), cy.password(), cy.app().code(1));
  }

  @Test
  void aRecoveryCodeSignsInOnceTypedAnyWay() {
    Enrolled di = enrolled("recovers");
    String code = di.recoveryCodes().get(3);
    login(di.username(), di.password(), " " + code.toUpperCase().replace("-", " ") + " ");
    RestClient.Reply twice = loginReply(di.username(), di.password(), code);
    assertEquals(401, twice.status());
    assertEquals("bad_totp", twice.code());
    assertEquals(9, rest.get("/api/users/me/totp", token(di.session())).json().getInteger("recoveryCodesLeft"));
  }

  @Test
  void wrongCodesCountAsFailedLoginsAndAreThrottled() {
    Enrolled ed = enrolled("guessed");
    for (int i = 0; i < FAILURES_PER_USERNAME; i++) {
      assertEquals("bad_totp", loginReply(ed.username(), ed.password(), "abcd-efgh-ijkl-mnop").code());
    }
    RestClient.Reply locked = loginReply(ed.username(), ed.password(), ed.app().code(0));
    assertEquals(429, locked.status(), "even with the right code");
    assertEquals("rate_limited", locked.code());
    assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
  }

  @Test
  void turningItOffNeedsThePasswordAndACode() {
    Enrolled fay = enrolled("switcher");
    RestClient.Reply wrongPassword = disable(fay.session(), "not it at all", fay.app().code(0));
    assertEquals(401, wrongPassword.status());
    assertEquals("bad_password", wrongPassword.code());
    RestClient.Reply wrongCode = disable(fay.session(), fay.password(), "abcd-efgh-ijkl-mnop");
    assertEquals("bad_totp", wrongCode.code());
    assertEquals(204, disable(fay.session(), fay.password(), fay.recoveryCodes().get(0)).status());
    assertEquals(200, loginReply(fay.username(), fay.password(), null).status(), "no code needed any more");
  }

  @Test
  void anAdminResetsAUsersTwoFactorSignInAndNobodyElseMay() {
    Enrolled gus = enrolled("lostphone");
    RestClient.Reply byUser = rest.post("/api/admin/users/" + userId(gus.session()) + "/totp/reset",
        token(gus.session()), null);
    assertEquals(403, byUser.status());
    assertEquals(204, rest.post("/api/admin/users/" + userId(gus.session()) + "/totp/reset", token(admin), null)
        .status());
    assertEquals(200, loginReply(gus.username(), gus.password(), null).status());
    assertEquals(404, rest.post("/api/admin/users/abcdefghijklmnopqrst/totp/reset", token(admin), null).status());
  }

  @Test
  void badRequestsAreRefusedWithoutChangingAnything() {
    JsonObject hal = parley.newUser("prober");
    RestClient.Reply early = confirm(hal, "123456");
    assertEquals(400, early.status(), "nothing to confirm yet");
    assertEquals(400, rest.post("/api/users/me/totp/confirm", token(hal), new JsonObject().put("code", 123456))
        .status());
    assertEquals(400, rest.send(HttpMethod.DELETE, "/api/users/me/totp", token(hal), "{\"password\":\"x\"}")
        .status());
    assertEquals(401, rest.post("/api/users/me/totp", null, null).status());
    assertEquals(200, loginReply(username(hal), hal.getString("password"), null).status(), "login is untouched");
  }

  private static Enrolled enrolled(String prefix) {
    JsonObject session = parley.newUser(prefix);
    String secret = rest.post("/api/users/me/totp", token(session), null).json().getString("secret");
    AuthenticatorApp app = new AuthenticatorApp(secret);
    RestClient.Reply confirmed = confirm(session, app.code(-1));
    assertEquals(200, confirmed.status(), confirmed.raw().bodyAsString());
    List<String> codes = confirmed.json().getJsonArray("recoveryCodes").stream().map(String.class::cast).toList();
    return new Enrolled(session, app, secret, codes);
  }

  private static RestClient.Reply confirm(JsonObject session, String code) {
    return rest.post("/api/users/me/totp/confirm", token(session), new JsonObject().put("code", code));
  }

  private static RestClient.Reply disable(JsonObject session, String password, String code) {
    return rest.send(HttpMethod.DELETE, "/api/users/me/totp", token(session),
        new JsonObject().put("password", password).put("code", code).encode());
  }

  private static JsonObject login(String username, String password, String totp) {
    RestClient.Reply reply = loginReply(username, password, totp);
    assertEquals(200, reply.status(), reply.raw().bodyAsString());
    assertNotEquals(null, reply.json().getString("accessToken"));
    return reply.json();
  }

  private static RestClient.Reply loginReply(String username, String password, String totp) {
    JsonObject body = new JsonObject().put("username", username).put("password", password);
    return rest.post("/api/login", totp == null ? body : body.put("totp", totp));
  }

  private static String username(JsonObject session) {
    return session.getJsonObject("user").getString("username");
  }
}
