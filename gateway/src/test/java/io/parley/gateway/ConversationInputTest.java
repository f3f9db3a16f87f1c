package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the conversation endpoints and frames: wrong types, NoSQL operators, ids of other rooms'
 * messages and of nothing. Each gets the contract's error, and nothing is written.
 */
class ConversationInputTest extends ParleyStackTest {

  private static final JsonObject NE_NULL = new JsonObject().put("$ne", null);

  private static JsonObject owner;
  private static JsonObject outsider;
  private static String roomId;
  private static String messageId;
  private static String roomName;

  @BeforeAll
  static void aPrivateRoomWithAMessage() {
    owner = parley.newUser("owner");
    outsider = parley.newUser("outsider");
    roomId = parley.createRoom(owner, "private");
    messageId = send(owner, roomId, "private words").getString("id");
    roomName = rest.get("/api/rooms/" + roomId, token(owner)).json().getString("name");
  }

  @Test
  void roomSettingsRefuseOperatorsWrongTypesAndEmptyChanges() {
    String path = "/api/rooms/" + roomId;
    for (JsonObject body : List.of(new JsonObject().put("name", new JsonObject().put("$gt", "")),
        new JsonObject().put("topic", 5), new JsonObject().put("description", "d".repeat(501)),
        new JsonObject().put("name", "\u0007bell"), new JsonObject().put("topic", "t".repeat(251)), new JsonObject())) {
      RestClient.Reply refused = rest.patch(path, token(owner), body);
      assertEquals(400, refused.status(), body.encode());
      assertEquals("invalid_input", refused.code(), body.encode());
    }
    assertEquals(400, rest.send(HttpMethod.PATCH, path, token(owner), "[\"name\"]").status());
    assertEquals("forbidden", rest.patch(path, token(outsider), new JsonObject().put("name", "taken over")).code());
    assertEquals(404, rest.patch("/api/rooms/aaaaaaaaaaaaaaaaaaaa", token(owner), new JsonObject().put("topic", "x"))
        .status());
    assertEquals(roomName, rest.get(path, token(owner)).json().getString("name"), "nothing changed");
    assertEquals(400, rest.put(path + "/prefs", token(owner), new JsonObject().put("muted", NE_NULL)).status());
    assertEquals(400, rest.put(path + "/prefs", token(owner), new JsonObject()).status());
    assertEquals(400, rest.post(path + "/owners", token(owner), new JsonObject().put("userId", NE_NULL)).status());
    assertEquals(404, rest.post(path + "/owners", token(owner), new JsonObject().put("userId", "nobody")).status());
    assertEquals(404, rest.delete(path + "/members/%24ne", token(owner)).status());
    assertEquals(List.of(userId(owner)), rest.get(path, token(owner)).json().getJsonArray("owners").getList());
  }

  @Test
  void anotherRoomsMessageIsNotTheOutsidersToPinReadOrReplyTo() {
    String outsidersRoom = parley.createRoom(outsider, "public");
    assertEquals("forbidden", rest.post("/api/messages/" + messageId + "/pin", token(outsider), null).code());
    assertEquals("forbidden", rest.get("/api/messages/" + messageId + "/edits", token(outsider)).code());
    assertEquals("forbidden", rest.get("/api/messages/" + messageId + "/replies", token(outsider)).code());
    assertEquals("forbidden", rest.get("/api/rooms/" + roomId + "/pins", token(outsider)).code());
    assertEquals("forbidden", rest.post("/api/threads/" + messageId + "/read", token(outsider),
        new JsonObject().put("seq", 1)).code());
    RestClient.Reply stolen = rest.post("/api/messages", token(outsider), new JsonObject().put("roomId", outsidersRoom)
        .put("text", "hijack").put("threadId", messageId));
    assertEquals(400, stolen.status());
    assertEquals("threadId", stolen.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    for (String id : List.of("nothing", "%24ne", roomId + "-0000000099")) {
      assertEquals(404, rest.post("/api/messages/" + id + "/pin", token(owner), null).status(), id);
      assertEquals(404, rest.get("/api/messages/" + id + "/edits", token(owner)).status(), id);
    }
    // A path parameter that reads as JSON is not a string: the document's check refuses it first.
    RestClient.Reply operator = rest.post("/api/messages/%7B%22%24ne%22%3Anull%7D/pin", token(owner), null);
    assertEquals("invalid_input", operator.code(), operator.raw().bodyAsString());
    assertEquals(0, rest.get("/api/rooms/" + roomId + "/pins", token(owner)).json().getJsonArray("messages").size());
    assertEquals(0L, roomsById(rest.get("/api/rooms", token(outsider)).json()).get(outsidersRoom).getLong("lastSeq"));
  }

  @Test
  void listsAndThreadMarksRefuseWhatIsNotANumberOrAMessage() {
    assertEquals(400, rest.get("/api/users/me/mentions?limit=abc", token(owner)).status());
    assertEquals(400, rest.get("/api/users/me/mentions?limit=1000", token(owner)).status());
    assertEquals(400, rest.get("/api/users/me/mentions?before=" + messageId, token(owner)).status(),
        "not a message that mentions the caller");
    assertEquals(400, rest.get("/api/users/me/threads?limit=-1", token(owner)).status());
    assertEquals(400, rest.get("/api/messages/" + messageId + "/replies?after=x", token(owner)).status());
    assertEquals(400, rest.post("/api/threads/" + messageId + "/read", token(owner), new JsonObject().put("seq", "5"))
        .status());
    assertEquals(new JsonArray(), rest.get("/api/users/me/threads", token(owner)).json().getJsonArray("threads"));

    SocketClient socket = parley.socket(owner);
    socket.send(new JsonObject().put("type", "read_thread").put("ref", "t1").put("threadId", NE_NULL).put("seq", 1));
    assertEquals("invalid_input", socket.answerTo("t1").getString("code"));
    socket.send(new JsonObject().put("type", "read_thread").put("ref", "t2").put("threadId", messageId)
        .put("seq", 1.5));
    assertEquals("invalid_input", socket.answerTo("t2").getString("code"));
    socket.send(new JsonObject().put("type", "message").put("ref", "m").put("roomId", roomId).put("text", "x")
        .put("threadId", new JsonArray().add(messageId)));
    assertEquals("invalid_input", socket.answerTo("m").getString("code"));
    socket.send(new JsonObject().put("type", "read_thread").put("ref", "t3").put("threadId", messageId).put("seq", 1));
    JsonObject read = socket.answerTo("t3");
    assertEquals("ack", read.getString("type"));
    assertEquals(0L, read.getLong("unreadReplies"));
    socket.close();
  }
}
