package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.CloseCodes;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two people in a room see each other come and go, type, and talk, over WebSocket and both SockJS transports. */
class RealtimeTest extends ParleyStackTest {

  @Test
  void presenceFollowsTheLastSocketOfAUser() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);

    SocketClient bobPhone = parley.socket(bob);
    JsonObject online = aliceSocket.next(f -> "presence".equals(f.getString("type"))
        && userId(bob).equals(f.getString("userId")), 5_000);
    assertEquals("online", online.getString("status"));

    SocketClient bobLaptop = parley.socket(bob);
    bobPhone.close();
    assertTrue(aliceSocket.drain(500).stream().noneMatch(f -> "presence".equals(f.getString("type"))),
        "bob is still online on his laptop");

    bobLaptop.close();
    JsonObject offline = aliceSocket.next(f -> "presence".equals(f.getString("type"))
        && userId(bob).equals(f.getString("userId")), 5_000);
    assertEquals("offline", offline.getString("status"));
    aliceSocket.close();
  }

  @Test
  void readyNamesOnlineRoommatesOnly() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    JsonObject stranger = parley.newUser("stranger");
    parley.sharedRoom(alice, bob);
    SocketClient bobSocket = parley.socket(bob);
    SocketClient strangerSocket = parley.socket(stranger);

    SocketClient aliceSocket = SocketClient.connect(parley.vertx(), parley.port());
    aliceSocket.send(new JsonObject().put("type", "auth").put("token", token(alice)));
    JsonArray online = aliceSocket.next("ready").getJsonArray("online");

    assertTrue(online.contains(userId(bob)));
    assertTrue(online.contains(userId(alice)));
    assertFalse(online.contains(userId(stranger)), "no room shared with the stranger");
    List.of(aliceSocket, bobSocket, strangerSocket).forEach(SocketClient::close);
  }

  @Test
  void typingIsRelayedToOthersAndExpiresByItself() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);

    aliceSocket.send(new JsonObject().put("type", "typing_start").put("roomId", roomId));
    JsonObject started = bobSocket.next("typing");
    assertEquals(userId(alice), started.getString("userId"));
    assertEquals(roomId, started.getString("roomId"));
    assertTrue(started.getBoolean("typing"));

    long since = System.currentTimeMillis();
    JsonObject expired = bobSocket.next(f -> "typing".equals(f.getString("type")), 9_000);
    long after = System.currentTimeMillis() - since;
    assertFalse(expired.getBoolean("typing"));
    assertTrue(after > 4_500 && after < 8_000, "expired after about 6 s, not " + after + " ms");
    assertTrue(aliceSocket.drain(200).stream().noneMatch(f -> "typing".equals(f.getString("type"))),
        "the typist is not told of their own typing");

    aliceSocket.send(new JsonObject().put("type", "typing_start").put("roomId", roomId));
    assertTrue(bobSocket.next("typing").getBoolean("typing"));
    aliceSocket.close();
    assertFalse(bobSocket.next("typing").getBoolean("typing"), "disconnecting stops typing");

    bobSocket.send(new JsonObject().put("type", "typing_start").put("ref", "x").put("roomId", "aaaaaaaaaaaaaaaaaaaa"));
    assertEquals("forbidden", bobSocket.next("error").getString("code"));
    bobSocket.close();
  }

  @Test
  void aMessageEndsItsSendersTypingInTheRoomButNotAStartSentAfterIt() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);

    aliceSocket.send(typingStart(roomId));
    assertTrue(bobSocket.next("typing").getBoolean("typing"));
    aliceSocket.send(message(1, roomId, "done").put("clientMsgId", "typed-1"));
    String rootId = aliceSocket.next("ack").getString("messageId");
    // Well before a start would expire by itself (6 s).
    JsonObject ended = bobSocket.next(f -> "typing".equals(f.getString("type")), 3_000);
    assertEquals(userId(alice), ended.getString("userId"));
    assertFalse(ended.getBoolean("typing"));
    assertEquals("done", bobSocket.next("message").getJsonObject("message").getString("text"));

    // She starts her next message while this one is being stored: she is shown typing when it is.
    aliceSocket.sendAndForget(message(2, roomId, "and").put("clientMsgId", "typed-2"));
    aliceSocket.sendAndForget(typingStart(roomId));
    assertEquals(2, aliceSocket.answerTo(2).getInteger("ref"));
    List<Boolean> typing = bobSocket.drain(300).stream().filter(f -> "typing".equals(f.getString("type")))
        .map(f -> f.getBoolean("typing")).toList();
    assertEquals(true, typing.get(typing.size() - 1), "her last typing: " + typing);

    // A reply in a thread leaves her typing in the room alone.
    aliceSocket.send(message(3, roomId, "in the thread").put("threadId", rootId).put("clientMsgId", "typed-3"));
    assertEquals(3, aliceSocket.answerTo(3).getInteger("ref"));
    assertTrue(bobSocket.drain(300).stream().noneMatch(f -> "typing".equals(f.getString("type"))));
    List.of(aliceSocket, bobSocket).forEach(SocketClient::close);
  }

  private static JsonObject typingStart(String roomId) {
    return new JsonObject().put("type", "typing_start").put("roomId", roomId);
  }

  private static JsonObject message(int ref, String roomId, String text) {
    return new JsonObject().put("type", "message").put("ref", ref).put("roomId", roomId).put("text", text);
  }

  @Test
  void sockJsRawWebSocketSpeaksTheSameProtocol() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient bobSocket = parley.socket(bob);

    SocketClient sockJs = SocketClient.connect(parley.vertx(), parley.port(), "/sockjs/websocket");
    sockJs.send(new JsonObject().put("type", "auth").put("token", token(alice)));
    sockJs.next("ready");
    sockJs.send(new JsonObject().put("type", "message").put("ref", 1).put("roomId", roomId).put("text", "via sockjs")
        .put("clientMsgId", "sj-1"));
    assertEquals(1, sockJs.next("ack").getInteger("ref"));
    assertEquals("via sockjs", bobSocket.next("message").getJsonObject("message").getString("text"));
    bobSocket.send(new JsonObject().put("type", "message").put("roomId", roomId).put("text", "back at you"));
    assertEquals("back at you", sockJs.next(f -> "message".equals(f.getString("type"))
        && "back at you".equals(f.getJsonObject("message").getString("text")), 5_000)
        .getJsonObject("message").getString("text"));
    sockJs.close();
    bobSocket.close();
  }

  @Test
  void sockJsXhrStreamingFallbackSpeaksTheSameProtocol() throws Exception {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient bobSocket = parley.socket(bob);

    SockJsXhrClient xhr = SockJsXhrClient.open(parley.vertx(), parley.port());
    xhr.send(new JsonObject().put("type", "auth").put("token", token(alice)));
    assertEquals(userId(alice), xhr.next("ready").getJsonObject("user").getString("id"));
    xhr.send(new JsonObject().put("type", "message").put("ref", "x1").put("roomId", roomId).put("text", "over xhr"));
    assertEquals("x1", xhr.next("ack").getString("ref"));
    assertEquals("over xhr", bobSocket.next("message").getJsonObject("message").getString("text"));
    bobSocket.send(new JsonObject().put("type", "typing_start").put("roomId", roomId));
    assertEquals(userId(bob), xhr.next("typing").getString("userId"));
    xhr.close();
    bobSocket.close();

    SockJsXhrClient unauthenticated = SockJsXhrClient.open(parley.vertx(), parley.port());
    unauthenticated.send(new JsonObject().put("type", "auth").put("token", "forged"));
    assertEquals(CloseCodes.UNAUTHENTICATED, unauthenticated.next("close").getInteger("code").shortValue());
    assertEquals(3000, unauthenticated.awaitClose(5_000).getInteger(0), "then SockJS closes the session");
    unauthenticated.close();
  }

  @Test
  void metricsCountConnectionsAndFrames() {
    JsonObject alice = parley.newUser("alice");
    SocketClient socket = parley.socket(alice);
    socket.send(new JsonObject().put("type", "ping"));
    socket.next("pong");

    assertEquals(404, rest.get("/metrics", null).status(), "metrics are not on the public port");
    String metrics = parley.management().get("/metrics", null).raw().bodyAsString();
    assertTrue(metrics.contains("parley_gateway_connections{"), metrics);
    assertTrue(metrics.contains("parley_gateway_frames_in_total{"));
    assertTrue(metrics.contains("parley_gateway_queue_drops_total{"));
    socket.close();
  }
}
