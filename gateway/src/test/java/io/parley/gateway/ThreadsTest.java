package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Threads over REST and the socket: replies, the root's live summary, history without replies, resuming. */
class ThreadsTest extends ParleyStackTest {

  @Test
  void twoPeopleReplyInAThreadAndBothSeeTheCountChangeLive() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);
    String rootId = send(alice, roomId, "Deploy on Friday?").getString("id");

    bobSocket.send(reply("b1", roomId, rootId, "Fine by me"));
    assertEquals("ack", bobSocket.answerTo("b1").getString("type"));
    for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
      JsonObject arrived = socket.next(f -> "message".equals(f.getString("type")) && f.containsKey("threadId"), 5_000);
      assertEquals(rootId, arrived.getJsonObject("message").getString("threadId"));
      assertEquals(List.of(userId(bob)), summaryOf(socket, rootId, 1).getJsonArray("participants").getList());
    }
    aliceSocket.send(reply("a1", roomId, rootId, "Then Friday"));
    assertEquals("ack", aliceSocket.answerTo("a1").getString("type"));
    for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
      assertEquals(List.of(userId(bob), userId(alice)), summaryOf(socket, rootId, 2).getJsonArray("participants")
          .getList());
    }

    JsonObject thread = rest.get("/api/messages/" + rootId + "/replies", token(bob)).json();
    assertEquals(List.of("Fine by me", "Then Friday"), texts(thread.getJsonArray("messages")));
    assertEquals(2L, thread.getJsonObject("root").getJsonObject("thread").getLong("replyCount"));
    assertEquals(List.of("Deploy on Friday?"), texts(rest.get("/api/rooms/" + roomId + "/messages", token(bob)).json()
        .getJsonArray("messages")), "history lists top-level messages only");
    aliceSocket.close();
    bobSocket.close();
  }

  @Test
  void aReplyToAReplyOrToAnotherRoomsMessageIsRefusedAndStoresNothing() {
    JsonObject cat = parley.newUser("cat");
    String roomId = parley.createRoom(cat, "public");
    String otherRoomId = parley.createRoom(cat, "public");
    String rootId = send(cat, roomId, "root").getString("id");
    String replyId = rest.post("/api/messages", token(cat), new JsonObject().put("roomId", roomId).put("text", "r")
        .put("threadId", rootId)).json().getString("id");
    String foreignId = send(cat, otherRoomId, "elsewhere").getString("id");

    for (Object threadId : List.of(replyId, foreignId, new JsonObject().put("$ne", null), 7)) {
      RestClient.Reply refused = rest.post("/api/messages", token(cat), new JsonObject().put("roomId", roomId)
          .put("text", "no").put("threadId", threadId));
      assertEquals(400, refused.status(), String.valueOf(threadId));
      assertEquals("invalid_input", refused.code());
      assertEquals("threadId", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    SocketClient socket = parley.socket(cat);
    socket.send(reply("x", roomId, foreignId, "no"));
    assertEquals("invalid_input", socket.answerTo("x").getString("code"));
    assertEquals(2L, roomsById(rest.get("/api/rooms", token(cat)).json()).get(roomId).getLong("lastSeq"));
    socket.close();
  }

  @Test
  void historyPagesTopLevelMessagesAndAThreadPagesItsRepliesForMembersOnly() {
    JsonObject dan = parley.newUser("dan");
    JsonObject eve = parley.newUser("eve");
    String roomId = parley.createRoom(dan, "public");
    JsonObject first = send(dan, roomId, "first");
    for (int i = 1; i <= 5; i++) {
      rest.post("/api/messages", token(dan), new JsonObject().put("roomId", roomId).put("text", "re " + i)
          .put("threadId", first.getString("id")));
    }
    JsonObject second = send(dan, roomId, "second");

    JsonObject newest = rest.get("/api/rooms/" + roomId + "/messages?limit=1", token(eve)).json();
    assertEquals(List.of("second"), texts(newest.getJsonArray("messages")));
    assertTrue(newest.getBoolean("hasMore"));
    JsonObject older = rest.get("/api/rooms/" + roomId + "/messages?limit=1&before=" + second.getLong("seq"),
        token(eve)).json();
    assertEquals(List.of("first"), texts(older.getJsonArray("messages")), "limit counts top-level messages");
    assertFalse(older.getBoolean("hasMore"));

    String replies = "/api/messages/" + first.getString("id") + "/replies";
    JsonObject latest = rest.get(replies + "?limit=2", token(dan)).json();
    assertEquals(List.of("re 4", "re 5"), texts(latest.getJsonArray("messages")));
    assertTrue(latest.getBoolean("hasMore"));
    assertEquals(List.of("re 1"), texts(rest.get(replies + "?limit=1&after=" + first.getLong("seq"), token(dan))
        .json().getJsonArray("messages")));
    assertEquals("forbidden", rest.get(replies, token(eve)).code(), "members only, even in a public room");
    assertEquals(400, rest.get(replies + "?limit=0", token(dan)).status());
    assertEquals(404, rest.get("/api/messages/nothing/replies", token(dan)).status());
  }

  @Test
  void syncAfterAReconnectCarriesTheReplyAndTheRootsNewSummary() {
    JsonObject fay = parley.newUser("fay");
    JsonObject gus = parley.newUser("gus");
    String roomId = parley.sharedRoom(fay, gus);
    SocketClient gusSocket = parley.socket(gus);
    String rootId = send(fay, roomId, "while you were out").getString("id");
    long seen = gusSocket.next("message").getLong("version");
    gusSocket.close();

    rest.post("/api/messages", token(fay), new JsonObject().put("roomId", roomId).put("text", "a reply")
        .put("threadId", rootId));

    SocketClient back = parley.socket(gus);
    back.send(new JsonObject().put("type", "sync").put("ref", "s").put("rooms", new JsonObject().put(roomId, seen)));
    JsonObject synced = back.next("synced");
    List<JsonObject> resent = back.drain(0).stream().filter(f -> "message".equals(f.getString("type"))).toList();
    assertEquals(2, resent.size(), resent.toString());
    assertEquals(rootId, resent.get(0).getString("threadId"));
    JsonObject root = resent.get(1).getJsonObject("message");
    assertEquals(rootId, root.getString("id"));
    assertEquals(1L, root.getJsonObject("thread").getLong("replyCount"));
    assertEquals(seen + 2, synced.getJsonObject("rooms").getJsonObject(roomId).getLong("version"));
    back.close();
  }

  /** The root's thread summary once it counts {@code replies}, from its message_updated frames. */
  private static JsonObject summaryOf(SocketClient socket, String rootId, long replies) {
    return socket.next(f -> "message_updated".equals(f.getString("type"))
        && rootId.equals(f.getJsonObject("message").getString("id"))
        && f.getJsonObject("message").getJsonObject("thread").getLong("replyCount") == replies, 5_000)
        .getJsonObject("message").getJsonObject("thread");
  }

  private static JsonObject reply(String ref, String roomId, String threadId, String text) {
    return new JsonObject().put("type", "message").put("ref", ref).put("roomId", roomId).put("threadId", threadId)
        .put("text", text).put("clientMsgId", ref + "-" + threadId);
  }

  static List<String> texts(JsonArray messages) {
    return messages.stream().map(m -> ((JsonObject) m).getString("text")).toList();
  }
}
