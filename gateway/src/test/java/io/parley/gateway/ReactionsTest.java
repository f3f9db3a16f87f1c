package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reactions toggle per user and emoji, each change taking the room's next version and reaching every member. */
class ReactionsTest extends ParleyStackTest {


  @Test
  void reactionsToggleAndRepeatsChangeNothing() {
    JsonObject ada = parley.newUser("ada");
    JsonObject ben = parley.newUser("ben");
    String room = parley.createRoom(ada, "public");
    rest.post("/api/rooms/" + room + "/join", token(ben), null);
    String id = rest.post("/api/messages", token(ada), new JsonObject().put("roomId", room).put("text", "ship it"))
        .json().getString("id");
    String path = "/api/messages/" + id + "/reactions";
    SocketClient adaSocket = parley.socket(ada);

    JsonObject afterAda = rest.post(path, token(ada), new JsonObject().put("emoji", "👍")).json();
    JsonObject afterBen = rest.post(path, token(ben), new JsonObject().put("emoji", "👍")).json();
    assertEquals(new JsonArray().add(userId(ada)).add(userId(ben)), afterBen.getJsonObject("reactions")
        .getJsonArray("👍"));
    assertEquals(afterAda.getLong("version") + 1, afterBen.getLong("version"));

    RestClient.Reply repeated = rest.post(path, token(ben), new JsonObject().put("emoji", "👍"));
    assertEquals(200, repeated.status());
    assertEquals(afterBen, repeated.json());

    JsonObject removed = rest.delete(path + "/" + encode("👍"), token(ada)).json();
    assertEquals(new JsonArray().add(userId(ben)), removed.getJsonObject("reactions").getJsonArray("👍"));
    assertEquals(removed, rest.delete(path + "/" + encode("👍"), token(ada)).json());
    JsonObject none = rest.delete(path + "/" + encode("👍"), token(ben)).json();
    assertFalse(none.getJsonObject("reactions").containsKey("👍"));

    List<Long> versions = List.of(afterAda.getLong("version"), afterBen.getLong("version"),
        removed.getLong("version"), none.getLong("version"));
    for (int i = 0; i < versions.size(); i++) {
      JsonObject frame = adaSocket.next("reaction");
      assertEquals(versions.get(i), frame.getLong("version"));
      assertEquals(id, frame.getString("messageId"));
      assertEquals(room, frame.getString("roomId"));
      assertEquals("👍", frame.getString("emoji"));
      assertEquals(i < 2 ? "add" : "remove", frame.getString("op"));
      assertEquals(i == 1 || i == 3 ? userId(ben) : userId(ada), frame.getString("userId"));
    }
    assertEquals(none, rest.get("/api/rooms/" + room + "/messages", token(ada)).json()
        .getJsonArray("messages").getJsonObject(0));
    adaSocket.close();
  }

  @Test
  void emojiThatCouldNotBeAFieldNameAreRefused() {
    JsonObject cat = parley.newUser("cat");
    String room = parley.createRoom(cat, "public");
    String id = rest.post("/api/messages", token(cat), new JsonObject().put("roomId", room).put("text", "hi"))
        .json().getString("id");
    String path = "/api/messages/" + id + "/reactions";

    for (Object emoji : List.of("", "a.b", "$set", "two words", "x".repeat(33), 7, "\u0000", List.of("👍"))) {
      RestClient.Reply refused = rest.post(path, token(cat), new JsonObject().put("emoji", emoji));
      assertEquals(400, refused.status(), String.valueOf(emoji));
      assertEquals("invalid_input", refused.code());
    }
    assertEquals(400, rest.delete(path + "/" + encode("$where"), token(cat)).status());
    assertEquals(201, rest.post("/api/messages", token(cat), new JsonObject().put("roomId", room).put("text", "ok"))
        .status());
    JsonObject message = rest.get("/api/rooms/" + room + "/messages", token(cat)).json()
        .getJsonArray("messages").getJsonObject(0);
    assertEquals(new JsonObject(), message.getJsonObject("reactions"));
    assertEquals(1L, message.getLong("version"));

    for (String fine : List.of("👨‍👩‍👧‍👦", "🇫🇷", ":party_parrot:", "+1")) {
      assertEquals(200, rest.post(path, token(cat), new JsonObject().put("emoji", fine)).status(), fine);
    }
    for (String fine : List.of("👨‍👩‍👧‍👦", "🇫🇷", ":party_parrot:", "+1")) {
      RestClient.Reply removed = rest.delete(path + "/" + encode(fine), token(cat));
      assertEquals(200, removed.status(), fine);
      assertFalse(removed.json().getJsonObject("reactions").containsKey(fine), fine);
    }
  }

  @Test
  void theSocketReactionFrameAddsAndRemoves() {
    JsonObject dot = parley.newUser("dot");
    String room = parley.createRoom(dot, "public");
    String id = rest.post("/api/messages", token(dot), new JsonObject().put("roomId", room).put("text", "hey"))
        .json().getString("id");
    SocketClient socket = parley.socket(dot);

    socket.send(new JsonObject().put("type", "reaction").put("ref", "r1").put("messageId", id).put("emoji", "🔥")
        .put("op", "add"));
    JsonObject added = socket.answerTo("r1");
    assertEquals("ack", added.getString("type"));
    assertEquals(2L, added.getLong("version"));
    assertEquals("add", socket.next("reaction").getString("op"));

    socket.send(new JsonObject().put("type", "reaction").put("ref", "r2").put("messageId", id).put("emoji", "🔥")
        .put("op", "remove"));
    assertEquals(3L, socket.answerTo("r2").getLong("version"));

    socket.send(new JsonObject().put("type", "reaction").put("ref", "r3").put("messageId", id).put("emoji", "🔥"));
    JsonObject missingOp = socket.next("error");
    assertEquals("r3", missingOp.getString("ref"));
    assertEquals("invalid_input", missingOp.getString("code"));
    socket.send(new JsonObject().put("type", "reaction").put("ref", "r4").put("messageId", id).put("emoji", "🔥")
        .put("op", "toggle"));
    assertEquals("r4", socket.next("error").getString("ref"));
    socket.close();
  }

  private static String encode(String emoji) {
    return URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
