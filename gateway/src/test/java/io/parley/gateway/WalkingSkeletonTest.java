package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** One message travels the whole path: socket, gateway, event bus, chat-service, MongoDB, and out again. */
class WalkingSkeletonTest extends ParleyStackTest {

  @Test
  void aMessageReachesTheOtherMemberAndIsKeptInHistory() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    RestClient rest = parley.rest();

    RestClient.Reply created = rest.post("/api/rooms", token(alice), new JsonObject().put("name", "lobby-1"));
    assertEquals(201, created.status());
    String roomId = created.json().getString("id");
    RestClient.Reply joined = rest.post("/api/rooms/" + roomId + "/join", token(bob), null);
    assertEquals(200, joined.status());
    assertEquals(2, joined.json().getInteger("memberCount"));

    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);
    aliceSocket.send(new JsonObject().put("type", "message").put("ref", "r1").put("roomId", roomId)
        .put("text", "hello <b>bob</b>").put("clientMsgId", "c-1"));

    JsonObject ack = aliceSocket.next("ack");
    assertEquals("r1", ack.getString("ref"));
    assertEquals("c-1", ack.getString("clientMsgId"));
    assertEquals(roomId, ack.getString("roomId"));
    assertEquals(1L, ack.getLong("seq"));
    assertNotNull(ack.getString("messageId"));
    assertNotNull(ack.getString("createdAt"));

    JsonObject delivered = bobSocket.next("message");
    JsonObject message = delivered.getJsonObject("message");
    assertEquals("hello <b>bob</b>", message.getString("text"));
    assertEquals(1L, message.getLong("seq"));
    assertEquals(ack.getString("messageId"), message.getString("id"));
    assertEquals(alice.getJsonObject("user").getString("username"),
        message.getJsonObject("sender").getString("username"));
    assertEquals(delivered.getLong("version"), message.getLong("version"));

    RestClient.Reply history = rest.get("/api/rooms/" + roomId + "/messages", token(bob));
    assertEquals(200, history.status());
    JsonArray messages = history.json().getJsonArray("messages");
    assertEquals(1, messages.size());
    assertEquals(message, messages.getJsonObject(0));
    assertFalse(history.json().getBoolean("hasMore"));
    assertEquals(history.json(), rest.get("/api/messages/" + roomId, token(bob)).json());

    aliceSocket.close();
    bobSocket.close();
  }

  @Test
  void readyListsTheRoomsOfTheUser() {
    JsonObject carol = parley.newUser("carol");
    String roomId = parley.rest().post("/api/rooms", token(carol), new JsonObject().put("name", "carols"))
        .json().getString("id");

    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    socket.send(new JsonObject().put("type", "auth").put("ref", 7).put("token", token(carol)));
    JsonObject ready = socket.next("ready");

    assertEquals(7, ready.getInteger("ref"));
    assertEquals(carol.getJsonObject("user").getString("id"), ready.getJsonObject("user").getString("id"));
    JsonObject room = ready.getJsonArray("rooms").getJsonObject(0);
    assertEquals(roomId, room.getString("id"));
    assertEquals(0L, room.getLong("lastSeq"));
    assertEquals(0L, room.getLong("unread"));
    socket.close();
  }

  @Test
  void aRetriedClientMsgIdGivesTheFirstMessage() {
    JsonObject dave = parley.newUser("dave");
    String roomId = parley.rest().post("/api/rooms", token(dave), new JsonObject().put("name", "daves"))
        .json().getString("id");
    SocketClient socket = parley.socket(dave);
    JsonObject frame = new JsonObject().put("type", "message").put("roomId", roomId).put("text", "once")
        .put("clientMsgId", "same");

    socket.send(frame.copy().put("ref", "a"));
    JsonObject first = socket.next("ack");
    socket.send(frame.copy().put("ref", "b"));
    JsonObject second = socket.next("ack");

    assertEquals(first.getString("messageId"), second.getString("messageId"));
    assertEquals("b", second.getString("ref"));
    assertEquals(1, parley.rest().get("/api/rooms/" + roomId + "/messages", token(dave)).json()
        .getJsonArray("messages").size());
    socket.close();
  }
}
