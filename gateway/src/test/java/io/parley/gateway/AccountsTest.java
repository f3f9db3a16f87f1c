package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.auth.AuthConfig;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, login and the user directory, as a client of the REST API sees them. */
@ExtendWith(VertxExtension.class)
class AccountsTest {

  private static final String GOOD_PASSWORD = "correct horse battery staple";

  private static ParleyStack parley;
  private static RestClient rest;
  private static JsonObject founder;

  @BeforeAll
  static void start(Vertx vertx) {
    // Many failed logins come from this one address; throttling has its own test.
    parley = ParleyStack.start(vertx, new JsonObject().put(AuthConfig.LOGIN_FAILURES_PER_ADDRESS, 1000));
    rest = parley.rest();
    RestClient.Reply first = register("founder", GOOD_PASSWORD, null);
    assertEquals(201, first.status(), first.raw().bodyAsString());
    founder = first.json();
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void theFirstAccountIsAnAdminAndLaterOnesAreUsers() {
    assertEquals("admin", founder.getString("role"));
    RestClient.Reply second = register("second", GOOD_PASSWORD, null);
    assertEquals(201, second.status());
    assertEquals("user", second.json().getString("role"));
  }

  @Test
  void aNewUserIsShownWithoutSecrets() {
    JsonObject user = register("Visible_One", GOOD_PASSWORD, null).json();
    assertEquals(List.of("createdAt", "displayName", "hasAvatar", "id", "role", "statusEmoji", "statusText",
        "username"),
        user.fieldNames().stream().sorted().toList());
    assertEquals("Visible_One", user.getString("username"));
    assertEquals("Visible_One", user.getString("displayName"), "the username stands in for a missing display name");
  }

  @Test
  void aShortPasswordIsRefused() {
    assertWeak(register("shorty", "Xy7-Qz9!", null), "must be at least 10 characters");
  }

  @Test
  void aCommonPasswordIsRefusedInAnyCase() {
    assertWeak(register("commoner", "QwertyUiop", null), "is a commonly used password");
  }

  @Test
  void aPasswordContainingTheUsernameIsRefusedInAnyCase() {
    assertWeak(register("Zebra77", "my-ZEBRA77-stripes!", null), "must not contain the username");
  }

  @Test
  void anOverlongPasswordIsRefused() {
    assertWeak(register("longpass", "x7-".repeat(86), null), "must be at most 256 characters");
  }

  @Test
  void everyBrokenRuleIsListedTogether() {
    RestClient.Reply reply = register("qwerty", "qwerty", null);
    assertEquals(400, reply.status());
    assertEquals("weak_password", reply.code());
    assertEquals(List.of("must be at least 10 characters", "is a commonly used password",
        "must not contain the username"), messages(reply));
    assertEquals(201, register("qwerty", GOOD_PASSWORD, null).status(), "a refused sign-up wrote nothing");
  }

  @Test
  void aUsernameIsUniqueIgnoringCase() {
    assertEquals(201, register("Walrus", GOOD_PASSWORD, null).status());
    RestClient.Reply again = register("wALRUS", GOOD_PASSWORD, null);
    assertEquals(409, again.status());
    assertEquals("username_taken", again.code());
  }

  @Test
  void usernamesOutsideTheRulesAreRefused() {
    for (String bad : List.of("ab", "has space", "x".repeat(33), "émile", "semi;colon", "")) {
      RestClient.Reply reply = register(bad, GOOD_PASSWORD, null);
      assertEquals(400, reply.status(), bad);
      assertEquals("invalid_input", reply.code(), bad);
      assertEquals("username", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), bad);
    }
  }

  @Test
  void displayNamesAreTrimmedAndFreeOfControlCharacters() {
    JsonObject user = register("annlee", GOOD_PASSWORD, "  Ann\u0007 \u200BLee\u202E \n ").json();
    assertEquals("Ann Lee", user.getString("displayName"));
    JsonObject blank = register("blanky", GOOD_PASSWORD, " \t\u200B ").json();
    assertEquals("blanky", blank.getString("displayName"));
    RestClient.Reply tooLong = register("longname", GOOD_PASSWORD, "n".repeat(65));
    assertEquals(400, tooLong.status());
    assertEquals("displayName", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void missingAndMistypedFieldsAreAllListed() {
    RestClient.Reply empty = rest.post("/api/users", new JsonObject());
    assertEquals(400, empty.status());
    assertEquals("invalid_input", empty.code());
    assertEquals(List.of("username", "password"), fields(empty));

    RestClient.Reply mistyped = rest.post("/api/users", new JsonObject()
        .put("username", 42).put("password", true).put("displayName", new JsonArray()));
    assertEquals(400, mistyped.status());
    assertEquals(List.of("username", "password", "displayName"), fields(mistyped));
    assertTrue(messages(mistyped).stream().allMatch("must be a string"::equals));
  }

  @Test
  void malformedBodiesAreInvalidInput() {
    for (String body : List.of("{not json", "[]", "\"text\"", "")) {
      RestClient.Reply reply = rest.send(HttpMethod.POST, "/api/login", null, body);
      assertEquals(400, reply.status(), body);
      assertEquals("invalid_input", reply.code(), body);
      assertEquals("application/problem+json", reply.header("Content-Type"));
    }
  }

  @Test
  void loginAnswersTokensAndTheUserWithUsernameInAnyCase() {
    register("Loginner", GOOD_PASSWORD, "Log Inner");
    RestClient.Reply reply = login("LOGINNER", GOOD_PASSWORD);
    assertEquals(200, reply.status());
    JsonObject body = reply.json();
    assertNotNull(body.getString("accessToken"));
    assertNotNull(body.getString("refreshToken"));
    assertEquals(900, body.getInteger("expiresIn"));
    assertEquals("Loginner", body.getJsonObject("user").getString("username"));
    assertFalse(body.getJsonObject("user").containsKey("passwordHash"));
    assertEquals(200, rest.get("/api/users/me", body.getString("accessToken")).status());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    register("guarded", GOOD_PASSWORD, null);
    RestClient.Reply wrong = login("guarded", GOOD_PASSWORD + "!");
    RestClient.Reply unknown = login("nobody-here", GOOD_PASSWORD);
    assertEquals(401, wrong.status());
    assertEquals("bad_credentials", wrong.code());
    assertEquals(401, unknown.status());
    assertEquals(wrong.json(), unknown.json());
  }

  @Test
  void operatorInjectionIsRefusedAsInvalidInput() {
    register("victim", GOOD_PASSWORD, null);
    RestClient.Reply login = rest.post("/api/login", new JsonObject()
        .put("username", new JsonObject().put("$ne", null)).put("password", new JsonObject().put("$gt", "")));
    assertEquals(400, login.status());
    assertEquals("invalid_input", login.code());
    assertEquals(List.of("must be a string", "must be a string"), messages(login));
    assertFalse(login.raw().bodyAsString().contains("accessToken"));

    RestClient.Reply signUp = rest.post("/api/users", new JsonObject()
        .put("username", new JsonObject().put("$regex", ".*")).put("password", GOOD_PASSWORD));
    assertEquals(400, signUp.status());
  }

  @Test
  void missingOrMistypedLoginFieldsAreInvalidInput() {
    RestClient.Reply missing = rest.post("/api/login", new JsonObject().put("username", "founder"));
    assertEquals(400, missing.status());
    assertEquals(List.of("password"), fields(missing));
    RestClient.Reply mistyped = rest.post("/api/login", new JsonObject().put("username", List.of("founder"))
        .put("password", 1234567890));
    assertEquals(400, mistyped.status());
    assertEquals(List.of("username", "password"), fields(mistyped));
  }

  @Test
  void usersAreFoundByIdAndMe() {
    JsonObject session = parley.newUser("finder");
    String id = ParleyStack.userId(session);
    RestClient.Reply me = rest.get("/api/users/me", token(session));
    assertEquals(200, me.status());
    assertEquals(id, me.json().getString("id"));
    assertFalse(me.json().getBoolean("online"));

    RestClient.Reply byId = rest.get("/api/users/" + founder.getString("id"), token(session));
    assertEquals(200, byId.status());
    assertEquals("founder", byId.json().getString("username"));

    for (String unknown : List.of("aaaaaaaaaaaaaaaaaaaa", "not-an-id", "%24ne", "..")) {
      RestClient.Reply missing = rest.get("/api/users/" + unknown, token(session));
      assertEquals(404, missing.status(), unknown);
      assertEquals("not_found", missing.code(), unknown);
    }
  }

  @Test
  void usersAreSearchedByUsernamePrefixIgnoringCase() {
    register("Quokka_one", GOOD_PASSWORD, null);
    register("quokkaTwo", GOOD_PASSWORD, null);
    register("quoll", GOOD_PASSWORD, null);
    JsonObject session = parley.newUser("searcher");

    RestClient.Reply found = rest.get("/api/users?q=QUOKKA", token(session));
    assertEquals(200, found.status());
    assertEquals(List.of("Quokka_one", "quokkaTwo"), usernames(found));
    assertTrue(found.json().getJsonArray("users").getJsonObject(0).containsKey("online"));

    assertEquals(List.of("Quokka_one"), usernames(rest.get("/api/users?q=quo&limit=1", token(session))));
    assertEquals(List.of(), usernames(rest.get("/api/users?q=.*", token(session))));
    assertEquals(400, rest.get("/api/users?limit=0", token(session)).status());
    assertEquals(400, rest.get("/api/users?limit=many", token(session)).status());
    assertEquals(400, rest.get("/api/users?online=yes", token(session)).status());
  }

  @Test
  void onlineTrueListsOnlyConnectedUsers() {
    JsonObject here = parley.newUser("wombat");
    JsonObject away = parley.newUser("wombat");
    SocketClient socket = parley.socket(here);

    JsonArray online = waitForOnline(token(away), "wombat", 1);
    assertEquals(ParleyStack.userId(here), online.getJsonObject(0).getString("id"));
    assertTrue(online.getJsonObject(0).getBoolean("online"));

    JsonArray all = rest.get("/api/users?q=wombat", token(away)).json().getJsonArray("users");
    assertEquals(2, all.size());
    assertEquals(1, all.stream().map(JsonObject.class::cast).filter(u -> u.getBoolean("online")).count());
    socket.close();
  }

  @Test
  void theDirectoryNeedsASignedInUser() {
    assertEquals(401, rest.get("/api/users", null).status());
    assertEquals(401, rest.get("/api/users/" + founder.getString("id"), null).status());
  }

  private static JsonArray waitForOnline(String token, String prefix, int expected) {
    JsonArray users = Eventually.poll(
        () -> rest.get("/api/users?online=true&q=" + prefix, token).json().getJsonArray("users"),
        found -> found.size() == expected, 5_000);
    assertEquals(expected, users.size(), users.encode());
    return users;
  }

  static RestClient.Reply register(String username, String password, String displayName) {
    JsonObject body = new JsonObject().put("username", username).put("password", password);
    if (displayName != null) {
      body.put("displayName", displayName);
    }
    return rest.post("/api/users", body);
  }

  private static RestClient.Reply login(String username, String password) {
    return rest.post("/api/login", new JsonObject().put("username", username).put("password", password));
  }

  private static void assertWeak(RestClient.Reply reply, String rule) {
    assertEquals(400, reply.status(), reply.raw().bodyAsString());
    assertEquals("weak_password", reply.code());
    assertEquals(List.of(rule), messages(reply));
    assertEquals(List.of("password"), fields(reply));
  }

  private static List<String> messages(RestClient.Reply reply) {
    return errors(reply).stream().map(e -> e.getString("message")).toList();
  }

  private static List<String> fields(RestClient.Reply reply) {
    return errors(reply).stream().map(e -> e.getString("field")).toList();
  }

  private static List<JsonObject> errors(RestClient.Reply reply) {
    return reply.json().getJsonArray("errors", new JsonArray()).stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> usernames(RestClient.Reply reply) {
    return reply.json().getJsonArray("users").stream()
        .map(u -> ((JsonObject) u).getString("username")).toList();
  }
}
