package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input on every skeleton endpoint and frame: the contract's error, and nothing written. */
@ExtendWith(VertxExtension.class)
class SkeletonInputTest {

  private static ParleyStack parley;
  private static RestClient rest;
  private static JsonObject owner;
  private static String roomId;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
    owner = parley.newUser("owner");
    roomId = rest.post("/api/rooms", token(owner), new JsonObject().put("name", "input-room")).json().getString("id");
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/users", "/api/login", "/api/rooms"})
  void malformedJsonIsInvalidInput(String path) {
    for (String body : List.of("{\"username\":", "[1,2]", "\"text\"", "", "null", "{'a':1}")) {
      RestClient.Reply reply = rest.send(HttpMethod.POST, path, token(owner), body);
      assertEquals(400, reply.status(), path + " with " + body);
      assertEquals("invalid_input", reply.code());
      assertEquals("application/problem+json", reply.header("Content-Type"));
      assertEquals(400, reply.json().getInteger("status"));
    }
  }

  @Test
  void signUpListsEveryMissingOrMistypedField() {
    RestClient.Reply missing = rest.post("/api/users", new JsonObject());
    assertEquals(400, missing.status());
    assertEquals("invalid_input", missing.code());
    assertEquals(2, missing.json().getJsonArray("errors").size());

    RestClient.Reply mistyped = rest.post("/api/users", new JsonObject()
        .put("username", 42).put("password", new JsonArray().add("x")).put("displayName", true));
    assertEquals(400, mistyped.status());
    assertEquals(fields(mistyped), List.of("username", "password", "displayName"));

    RestClient.Reply badName = rest.post("/api/users", new JsonObject()
        .put("username", "no spaces allowed").put("password", "a-long-enough-passphrase"));
    assertEquals(400, badName.status());
    assertEquals(List.of("username"), fields(badName));

    assertEquals(401, rest.post("/api/login", new JsonObject().put("username", "no spaces allowed")
        .put("password", "a-long-enough-passphrase")).status(), "nothing was created");
  }

  @Test
  void loginRefusesOperatorsAndWrongTypes() {
    RestClient.Reply injected = rest.post("/api/login", new JsonObject()
        .put("username", new JsonObject().put("$ne", (Object) null))
        .put("password", new JsonObject().put("$ne", (Object) null)));
    assertEquals(400, injected.status());
    assertEquals("invalid_input", injected.code());
    assertEquals(List.of("username", "password"), fields(injected));

    RestClient.Reply missing = rest.post("/api/login", new JsonObject().put("username", "owner1"));
    assertEquals(400, missing.status());
    assertEquals(List.of("password"), fields(missing));
  }

  @Test
  void roomCreationRefusesBadFieldsAndWritesNothing() {
    RestClient.Reply bad = rest.post("/api/rooms", token(owner), new JsonObject()
        .put("name", 7).put("type", "secret").put("capacity", "ten").put("description", false));
    assertEquals(400, bad.status());
    assertEquals(List.of("name", "description", "type", "capacity"), fields(bad));

    RestClient.Reply fraction = rest.post("/api/rooms", token(owner), new JsonObject()
        .put("name", "fraction").put("capacity", 2.5));
    assertEquals(400, fraction.status());
    assertEquals(List.of("capacity"), fields(fraction));
    assertEquals(400, rest.post("/api/rooms", token(owner), new JsonObject().put("name", "   ")).status());

    RestClient.Reply created = rest.post("/api/rooms", token(owner), new JsonObject().put("name", "fraction"));
    assertEquals(201, created.status(), "the refused request left no room behind");
  }

  @Test
  void joinAndHistoryRefuseUnknownRoomsAndBadParameters() {
    assertEquals("not_found", rest.post("/api/rooms/nope/join", token(owner), null).code());
    assertEquals(404, rest.post("/api/rooms/aaaaaaaaaaaaaaaaaaaa/join", token(owner), null).status());
    assertEquals(404, rest.get("/api/rooms/aaaaaaaaaaaaaaaaaaaa/messages", token(owner)).status());
    for (String query : List.of("before=abc", "limit=0", "limit=101", "after=-1", "limit=1.5", "before=2&after=1")) {
      RestClient.Reply reply = rest.get("/api/rooms/" + roomId + "/messages?" + query, token(owner));
      assertEquals(400, reply.status(), query);
      assertEquals("invalid_input", reply.code());
    }
  }

  @Test
  void everyProtectedEndpointNeedsAToken() {
    assertEquals("unauthenticated", rest.post("/api/rooms", null, new JsonObject().put("name", "x")).code());
    assertEquals(401, rest.post("/api/rooms/" + roomId + "/join", null, null).status());
    assertEquals(401, rest.get("/api/rooms/" + roomId + "/messages", null).status());
    assertEquals(401, rest.get("/api/rooms/" + roomId + "/messages", "not-a-jwt").status());
    assertEquals("Bearer", rest.get("/api/users/me", null).header("WWW-Authenticate"));
  }

  @Test
  void oversizeBodiesAreRefused() {
    String huge = new JsonObject().put("name", "x".repeat(70_000)).encode();
    RestClient.Reply reply = rest.send(HttpMethod.POST, "/api/rooms", token(owner), huge);
    assertEquals(413, reply.status());
    assertEquals("too_large", reply.code());
  }

  @Test
  void hostileFramesGetErrorsAndWriteNothing() {
    JsonObject stranger = parley.newUser("stranger");
    SocketClient socket = parley.socket(owner);
    SocketClient outsider = parley.socket(stranger);

    socket.sendRaw("{not json");
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.sendRaw("[1,2,3]");
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("ref", "t").put("type", 5));
    assertEquals("t", socket.next("error").getString("ref"));
    socket.send(new JsonObject().put("ref", "u").put("type", "launch_missiles"));
    assertEquals("invalid_input", socket.next("error").getString("code"));

    socket.send(new JsonObject().put("type", "message").put("ref", "m1").put("roomId", roomId));
    JsonObject noText = socket.next("error");
    assertEquals("m1", noText.getString("ref"));
    assertEquals("invalid_input", noText.getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m2").put("roomId", roomId).put("text", 12));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m3").put("roomId", roomId).put("text", ""));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m4").put("roomId", roomId)
        .put("text", "x".repeat(4001)));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m5").put("roomId", List.of(roomId))
        .put("text", "hi"));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m6").put("roomId", "aaaaaaaaaaaaaaaaaaaa")
        .put("text", "hi"));
    assertEquals("not_found", socket.next("error").getString("code"));
    outsider.send(new JsonObject().put("type", "message").put("ref", "m7").put("roomId", roomId).put("text", "hi"));
    JsonObject notMember = outsider.next("error");
    assertEquals("m7", notMember.getString("ref"));
    assertEquals("forbidden", notMember.getString("code"));
    socket.sendRaw(new JsonObject().put("type", "message").put("roomId", roomId)
        .put("text", "y".repeat(70_000)).encode());
    assertEquals("too_large", socket.next("error").getString("code"));

    socket.send(new JsonObject().put("type", "ping").put("ref", 9));
    assertEquals(9, socket.next("pong").getInteger("ref"), "the socket stays usable after bad frames");
    JsonObject history = rest.get("/api/rooms/" + roomId + "/messages", token(owner)).json();
    assertTrue(history.getJsonArray("messages").isEmpty(), "no refused frame wrote a message");
    socket.close();
    outsider.close();
  }

  private static List<String> fields(RestClient.Reply reply) {
    return reply.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field"))
        .toList();
  }
}
