package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Messages table of the contract: sending, idempotency, history, editing and deleting. */
class MessagesTest extends ParleyStackTest {

  private static JsonObject admin;

  @BeforeAll
  static void firstUserIsTheAdmin() {
    admin = parley.newUser("admin");
  }

  @Test
  void aSentMessageIsStoredAsGivenAndARetriedClientMsgIdGivesTheFirstOne() {
    JsonObject amy = parley.newUser("amy");
    String room = parley.createRoom(amy, "public");
    String text = "<script>alert('x')</script> & <b>bold</b>  ";
    JsonObject body = new JsonObject().put("roomId", room).put("text", text).put("clientMsgId", "amy-1");

    RestClient.Reply first = rest.post("/api/messages", token(amy), body);
    assertEquals(201, first.status());
    JsonObject message = first.json();
    assertEquals(text, message.getString("text"));
    assertEquals(1L, message.getLong("seq"));
    assertEquals(1L, message.getLong("version"));
    assertEquals(room, message.getString("roomId"));
    assertEquals("amy-1", message.getString("clientMsgId"));
    assertEquals(userId(amy), message.getJsonObject("sender").getString("id"));
    assertEquals(new JsonObject(), message.getJsonObject("reactions"));
    assertNotNull(message.getString("createdAt"));

    RestClient.Reply retry = rest.post("/api/messages", token(amy), body.copy().put("text", "changed my mind"));
    assertEquals(200, retry.status());
    assertEquals(message, retry.json());

    JsonObject other = parley.newUser("other");
    rest.post("/api/rooms/" + room + "/join", token(other), null);
    RestClient.Reply sameKeyOtherSender = rest.post("/api/messages", token(other), body);
    assertEquals(201, sameKeyOtherSender.status());
    assertEquals(2L, sameKeyOtherSender.json().getLong("seq"));

    JsonArray history = rest.get("/api/rooms/" + room + "/messages", token(amy)).json().getJsonArray("messages");
    assertEquals(2, history.size());
    assertEquals(message, history.getJsonObject(0));
  }

  @Test
  void badMessagesAreRefusedWithTheFieldsNamedAndStoreNothing() {
    JsonObject bob = parley.newUser("bob");
    String room = parley.createRoom(bob, "public");
    List<JsonObject> bodies = List.of(
        new JsonObject().put("roomId", room),
        new JsonObject().put("roomId", room).put("text", ""),
        new JsonObject().put("roomId", room).put("text", " \n\t "),
        new JsonObject().put("roomId", room).put("text", "x".repeat(4001)),
        new JsonObject().put("roomId", room).put("text", 42),
        new JsonObject().put("roomId", room).put("text", new JsonObject().put("$gt", "")),
        new JsonObject().put("text", "no room"),
        new JsonObject().put("roomId", room).put("toUserId", userId(bob)).put("text", "both"),
        new JsonObject().put("roomId", List.of(room)).put("text", "array room"),
        new JsonObject().put("roomId", room).put("text", "ok").put("clientMsgId", 5),
        new JsonObject().put("roomId", room).put("text", "ok").put("clientMsgId", "c".repeat(129)));
    for (JsonObject body : bodies) {
      RestClient.Reply reply = rest.post("/api/messages", token(bob), body);
      assertEquals(400, reply.status(), body.encode());
      assertEquals("invalid_input", reply.code(), body.encode());
    }
    for (String raw : List.of("{\"roomId\":", "not json", "[1,2]", "null")) {
      assertEquals(400, rest.send(HttpMethod.POST, "/api/messages", token(bob), raw).status(), raw);
    }
    assertEquals(404, rest.post("/api/messages", token(bob), new JsonObject()
        .put("roomId", "abcdefghijklmnopqrst").put("text", "nowhere")).status());
    assertEquals(401, rest.post("/api/messages", null, new JsonObject().put("roomId", room).put("text", "x")).status());

    JsonObject page = rest.get("/api/rooms/" + room + "/messages", token(bob)).json();
    assertEquals(0, page.getJsonArray("messages").size());
    RestClient.Reply longest = rest.post("/api/messages", token(bob), new JsonObject().put("roomId", room)
        .put("text", "😀".repeat(4000)));
    assertEquals(201, longest.status());
    assertEquals(1L, longest.json().getLong("seq"));
  }

  @Test
  void historyPagesAscendWithHasMoreAndTheAliasAnswersTheSame() {
    JsonObject cyd = parley.newUser("cyd");
    String room = parley.createRoom(cyd, "public");
    for (int i = 1; i <= 60; i++) {
      rest.post("/api/messages", token(cyd), new JsonObject().put("roomId", room).put("text", "m" + i));
    }
    String path = "/api/rooms/" + room + "/messages";

    JsonObject newest = rest.get(path, token(cyd)).json();
    assertEquals(50, newest.getJsonArray("messages").size());
    assertEquals(11L, newest.getJsonArray("messages").getJsonObject(0).getLong("seq"));
    assertEquals(60L, newest.getJsonArray("messages").getJsonObject(49).getLong("seq"));
    assertTrue(newest.getBoolean("hasMore"));
    assertEquals(newest, rest.get("/api/messages/" + room, token(cyd)).json());

    JsonObject older = rest.get(path + "?before=11&limit=20", token(cyd)).json();
    assertEquals(10, older.getJsonArray("messages").size());
    assertEquals("m1", older.getJsonArray("messages").getJsonObject(0).getString("text"));
    assertFalse(older.getBoolean("hasMore"));

    JsonObject after = rest.get(path + "?after=55", token(cyd)).json();
    assertEquals(List.of(56L, 57L, 58L, 59L, 60L), seqs(after));
    assertFalse(after.getBoolean("hasMore"));
    JsonObject middle = rest.get(path + "?after=5&limit=3", token(cyd)).json();
    assertEquals(List.of(6L, 7L, 8L), seqs(middle));
    assertTrue(middle.getBoolean("hasMore"));

    for (String query : List.of("?limit=101", "?limit=0", "?limit=abc", "?before=0", "?after=-1", "?before=3&after=1",
        "?limit=1.5")) {
      RestClient.Reply refused = rest.get(path + query, token(cyd));
      assertEquals(400, refused.status(), query);
      assertEquals("invalid_input", refused.code(), query);
    }
    assertEquals(404, rest.get("/api/rooms/abcdefghijklmnopqrst/messages", token(cyd)).status());
  }

  @Test
  void theSenderEditsAndEveryMemberSeesTheChangeWithTheNextVersion() {
    JsonObject dan = parley.newUser("dan");
    JsonObject eva = parley.newUser("eva");
    String room = parley.createRoom(dan, "public");
    rest.post("/api/rooms/" + room + "/join", token(eva), null);
    JsonObject sent = rest.post("/api/messages", token(dan), new JsonObject().put("roomId", room).put("text", "teh"))
        .json();
    SocketClient evaSocket = parley.socket(eva);

    RestClient.Reply edited = rest.patch("/api/messages/" + sent.getString("id"), token(dan),
        new JsonObject().put("text", "the"));

    assertEquals(200, edited.status());
    assertEquals("the", edited.json().getString("text"));
    assertEquals(sent.getLong("seq"), edited.json().getLong("seq"));
    assertEquals(sent.getLong("version") + 1, edited.json().getLong("version"));
    assertNotNull(edited.json().getString("editedAt"));
    JsonObject frame = evaSocket.next("message_updated");
    assertEquals(room, frame.getString("roomId"));
    assertEquals(edited.json().getLong("version"), frame.getLong("version"));
    assertEquals(edited.json(), frame.getJsonObject("message"));
    assertEquals(edited.json(), rest.get("/api/rooms/" + room + "/messages", token(eva)).json()
        .getJsonArray("messages").getJsonObject(0));

    RestClient.Reply notHers = rest.patch("/api/messages/" + sent.getString("id"), token(eva),
        new JsonObject().put("text", "hijacked"));
    assertEquals(403, notHers.status());
    assertEquals("forbidden", notHers.code());
    assertEquals(400, rest.patch("/api/messages/" + sent.getString("id"), token(dan), new JsonObject()).status());
    assertEquals(404, rest.patch("/api/messages/" + room + "-0000000099", token(dan),
        new JsonObject().put("text", "ghost")).status());
    assertEquals(404, rest.patch("/api/messages/garbage", token(dan), new JsonObject().put("text", "x")).status());
    assertEquals("the", rest.get("/api/rooms/" + room + "/messages", token(dan)).json()
        .getJsonArray("messages").getJsonObject(0).getString("text"));
    evaSocket.close();
  }

  @Test
  void deletingKeepsTheSeqEmptiesTheTextAndOnlyTheSenderOrAnAdminMayDoIt() {
    JsonObject fin = parley.newUser("fin");
    JsonObject gil = parley.newUser("gil");
    String room = parley.createRoom(fin, "private");
    rest.post("/api/rooms/" + room + "/members", token(fin), new JsonObject().put("userId", userId(gil)));
    JsonObject first = rest.post("/api/messages", token(fin), new JsonObject().put("roomId", room)
        .put("text", "regrettable")).json();
    JsonObject second = rest.post("/api/messages", token(gil), new JsonObject().put("roomId", room)
        .put("text", "reply")).json();
    SocketClient gilSocket = parley.socket(gil);

    assertEquals(403, rest.delete("/api/messages/" + first.getString("id"), token(gil)).status());
    assertEquals(204, rest.delete("/api/messages/" + first.getString("id"), token(fin)).status());
    JsonObject frame = gilSocket.next("message_deleted");
    assertEquals(first.getString("id"), frame.getString("messageId"));
    assertEquals(second.getLong("version") + 1, frame.getLong("version"));

    JsonArray history = rest.get("/api/rooms/" + room + "/messages", token(gil)).json().getJsonArray("messages");
    JsonObject deleted = history.getJsonObject(0);
    assertEquals(1L, deleted.getLong("seq"));
    assertTrue(deleted.getBoolean("deleted"));
    assertEquals("", deleted.getString("text"));
    assertEquals(frame.getJsonObject("message"), deleted);
    assertEquals(2, history.size());

    assertEquals(204, rest.delete("/api/messages/" + first.getString("id"), token(fin)).status());
    assertEquals(frame.getLong("version"), rest.get("/api/rooms/" + room, token(fin)).json().getLong("version"));
    assertEquals(404, rest.patch("/api/messages/" + first.getString("id"), token(fin),
        new JsonObject().put("text", "undo")).status());

    assertEquals(204, rest.delete("/api/messages/" + second.getString("id"), token(admin)).status());
    assertTrue(rest.get("/api/rooms/" + room + "/messages", token(fin)).json().getJsonArray("messages")
        .getJsonObject(1).getBoolean("deleted"));
    gilSocket.close();
  }

  @Test
  void outsidersCannotTouchMessagesOfAPrivateRoom() {
    JsonObject hana = parley.newUser("hana");
    JsonObject ivo = parley.newUser("ivo");
    String room = parley.createRoom(hana, "private");
    JsonObject sent = rest.post("/api/messages", token(hana), new JsonObject().put("roomId", room)
        .put("text", "members only")).json();
    String path = "/api/messages/" + sent.getString("id");

    for (RestClient.Reply refused : List.of(
        rest.patch(path, token(ivo), new JsonObject().put("text", "x")),
        rest.delete(path, token(ivo)),
        rest.post(path + "/reactions", token(ivo), new JsonObject().put("emoji", "👍")),
        rest.delete(path + "/reactions/%F0%9F%91%8D", token(ivo)))) {
      assertEquals(403, refused.status());
      assertFalse(refused.raw().bodyAsString().contains("members only"));
    }
    JsonObject unchanged = rest.get("/api/rooms/" + room + "/messages", token(hana)).json()
        .getJsonArray("messages").getJsonObject(0);
    assertEquals(sent, unchanged);
  }

  @Test
  void everyTimelineChangeTakesTheNextVersionGapFree() {
    JsonObject jax = parley.newUser("jax");
    String room = parley.createRoom(jax, "public");
    SocketClient socket = parley.socket(jax);
    String id = rest.post("/api/messages", token(jax), new JsonObject().put("roomId", room).put("text", "a"))
        .json().getString("id");
    rest.post("/api/messages", token(jax), new JsonObject().put("roomId", room).put("text", "b"));
    rest.patch("/api/messages/" + id, token(jax), new JsonObject().put("text", "a2"));
    rest.post("/api/messages/" + id + "/reactions", token(jax), new JsonObject().put("emoji", "🎉"));
    rest.delete("/api/messages/" + id + "/reactions/%F0%9F%8E%89", token(jax));
    rest.delete("/api/messages/" + id, token(jax));

    List<String> types = List.of("message", "message", "message_updated", "reaction", "reaction", "message_deleted");
    for (int i = 0; i < types.size(); i++) {
      JsonObject frame = socket.next(f -> f.containsKey("version"), 10_000);
      assertEquals(types.get(i), frame.getString("type"));
      assertEquals(i + 1L, frame.getLong("version"));
    }
    JsonObject roomNow = rest.get("/api/rooms/" + room, token(jax)).json();
    assertEquals(6L, roomNow.getLong("version"));
    assertEquals(2L, roomNow.getLong("lastSeq"));
    socket.close();
  }

  @Test
  void socketFramesEditDeleteAndReadAnswerWithTheirRef() {
    JsonObject kai = parley.newUser("kai");
    String room = parley.createRoom(kai, "public");
    SocketClient socket = parley.socket(kai);
    socket.send(new JsonObject().put("type", "message").put("ref", 1).put("roomId", room).put("text", "draft")
        .put("clientMsgId", "k1"));
    JsonObject ack = socket.next("ack");
    String id = ack.getString("messageId");

    socket.send(new JsonObject().put("type", "edit").put("ref", 2).put("messageId", id).put("text", "final"));
    JsonObject edited = socket.answerTo(2);
    assertEquals("ack", edited.getString("type"));
    assertEquals(2L, edited.getLong("version"));

    socket.send(new JsonObject().put("type", "edit").put("ref", 3).put("messageId", id).put("text", ""));
    JsonObject error = socket.next("error");
    assertEquals(3, error.getInteger("ref"));
    assertEquals("invalid_input", error.getString("code"));

    socket.send(new JsonObject().put("type", "read").put("ref", 4).put("roomId", room).put("seq", 99));
    JsonObject read = socket.answerTo(4);
    assertEquals(1L, read.getLong("seq"));
    assertEquals(0L, read.getLong("unread"));

    socket.send(new JsonObject().put("type", "delete").put("ref", 5).put("messageId", id));
    JsonObject deleted = socket.answerTo(5);
    assertEquals("ack", deleted.getString("type"));
    socket.send(new JsonObject().put("type", "delete").put("ref", 6).put("messageId", 12));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    assertNull(socket.drain(200).stream().filter(f -> "error".equals(f.getString("type"))).findAny().orElse(null));
    socket.close();
  }

  private static List<Long> seqs(JsonObject page) {
    return page.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getLong("seq")).toList();
  }
}
