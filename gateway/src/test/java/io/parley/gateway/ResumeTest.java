package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Addresses;
import io.parley.testing.SocketClient;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that was away reconnects, sends {@code sync}, and ends with exactly the server's state. */
class ResumeTest extends ParleyStackTest {

  @Test
  void syncAfterAnOutageResendsEverythingMissedOnce() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);

    Map<String, JsonObject> bobsView = new LinkedHashMap<>();
    long bobsVersion = 0;
    for (int i = 1; i <= 5; i++) {
      aliceSocket.send(message(roomId, "before " + i));
      aliceSocket.next("ack");
      JsonObject frame = bobSocket.next("message");
      bobsView.put(frame.getJsonObject("message").getString("id"), frame.getJsonObject("message"));
      bobsVersion = Math.max(bobsVersion, frame.getLong("version"));
    }
    bobSocket.close();

    for (int i = 1; i <= 20; i++) {
      aliceSocket.send(message(roomId, "while away " + i));
    }
    List<String> sentWhileAway = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      sentWhileAway.add(aliceSocket.next("ack").getString("messageId"));
    }
    String seenBefore = bobsView.keySet().iterator().next();
    for (String edited : List.of(seenBefore, sentWhileAway.get(0), sentWhileAway.get(5))) {
      aliceSocket.send(new JsonObject().put("type", "edit").put("ref", "e").put("messageId", edited)
          .put("text", "edited " + edited));
      assertEquals("ack", aliceSocket.next(f -> "e".equals(f.getString("ref")), 5_000).getString("type"));
    }
    for (int i = 0; i < 5; i++) {
      aliceSocket.send(new JsonObject().put("type", "reaction").put("ref", "r").put("messageId",
          i < 2 ? seenBefore : sentWhileAway.get(i)).put("emoji", i % 2 == 0 ? "👍" : "🎉").put("op", "add"));
      assertEquals("ack", aliceSocket.next(f -> "r".equals(f.getString("ref")), 5_000).getString("type"));
    }

    SocketClient back = parley.socket(bob);
    back.send(new JsonObject().put("type", "sync").put("ref", "s1")
        .put("rooms", new JsonObject().put(roomId, bobsVersion)));
    JsonObject synced = back.next("synced");
    List<JsonObject> resent = back.drain(0).stream().filter(f -> "message".equals(f.getString("type"))).toList();

    assertEquals("s1", synced.getString("ref"));
    assertEquals(21, resent.size(), "the 20 new messages and the changed one seen before, once each: " + resent);
    assertEquals(20, sentWhileAway.stream().distinct().count());
    for (int i = 1; i < sentWhileAway.size(); i++) {
      assertTrue(sentWhileAway.get(i).compareTo(sentWhileAway.get(i - 1)) > 0,
          "stored in the order they were sent, even pipelined");
    }
    long previous = bobsVersion;
    for (JsonObject frame : resent) {
      assertTrue(frame.getBoolean("sync"));
      assertTrue(frame.getLong("version") > previous, "oldest change first");
      previous = frame.getLong("version");
      bobsView.put(frame.getJsonObject("message").getString("id"), frame.getJsonObject("message"));
    }
    JsonObject reached = synced.getJsonObject("rooms").getJsonObject(roomId);
    assertEquals(previous, reached.getLong("version"));
    assertTrue(reached.getBoolean("complete"));

    JsonArray history = parley.rest().get("/api/rooms/" + roomId + "/messages", token(bob)).json()
        .getJsonArray("messages");
    assertEquals(history.size(), bobsView.size());
    history.forEach(m -> assertEquals(m, bobsView.get(((JsonObject) m).getString("id"))));
    JsonObject editedAndReacted = bobsView.get(seenBefore);
    assertEquals("edited " + seenBefore, editedAndReacted.getString("text"));
    assertTrue(editedAndReacted.getJsonObject("reactions").containsKey("🎉"));

    back.send(new JsonObject().put("type", "sync").put("ref", "s2")
        .put("rooms", new JsonObject().put(roomId, previous)));
    assertEquals(0, back.next("synced").getJsonObject("rooms").getJsonObject(roomId).getLong("version")
        - previous, "nothing more to send");
    assertTrue(back.drain(200).stream().noneMatch(f -> "message".equals(f.getString("type"))));
    aliceSocket.close();
    back.close();
  }

  /**
   * A message published just after a socket's ready that does not reach its gateway (in a cluster: the
   * publisher's node had not yet heard of the new subscription) comes a moment later anyway, once, marked sync.
   */
  @Test
  void aMessageThatMissedTheSocketJustAfterReadyComesAMomentLaterOnce() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    String roomAddress = Addresses.roomEvents(roomId);
    Handler<DeliveryContext<Object>> lostOnce = delivery -> {
      if (delivery.message().address().equals(roomAddress) && delivery.body() instanceof JsonObject event
          && event.encode().contains("missed in transit")) {
        return;
      }
      delivery.next();
    };
    SocketClient bobSocket = parley.socket(bob);
    parley.vertx().eventBus().addInboundInterceptor(lostOnce);
    try {
      assertEquals(201, parley.rest().post("/api/messages", token(alice), new JsonObject().put("roomId", roomId)
          .put("text", "missed in transit")).status());
      assertEquals(201, parley.rest().post("/api/messages", token(alice), new JsonObject().put("roomId", roomId)
          .put("text", "arrived live")).status());
      JsonObject live = bobSocket.next("message");
      assertEquals("arrived live", live.getJsonObject("message").getString("text"));
      JsonObject late = bobSocket.next("message");
      assertEquals("missed in transit", late.getJsonObject("message").getString("text"));
      assertTrue(late.getBoolean("sync"));
      assertTrue(bobSocket.drain(1500).stream().noneMatch(frame -> "message".equals(frame.getString("type"))),
          "each message once");
    } finally {
      parley.vertx().eventBus().removeInboundInterceptor(lostOnce);
      bobSocket.close();
    }
  }

  @Test
  void anotherUsersMessageCannotBeEditedDeletedOrTouchedFromAnotherRoom() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);
    SocketClient aliceSocket = parley.socket(alice);
    SocketClient bobSocket = parley.socket(bob);
    aliceSocket.send(message(roomId, "mine"));
    String messageId = aliceSocket.next("ack").getString("messageId");

    bobSocket.send(new JsonObject().put("type", "edit").put("ref", 1).put("messageId", messageId).put("text", "x"));
    assertEquals("forbidden", bobSocket.next("error").getString("code"));
    bobSocket.send(new JsonObject().put("type", "delete").put("ref", 2).put("messageId", messageId));
    assertEquals("forbidden", bobSocket.next("error").getString("code"));
    JsonObject outsider = parley.newUser("outsider");
    SocketClient outsiderSocket = parley.socket(outsider);
    outsiderSocket.send(new JsonObject().put("type", "reaction").put("ref", 3).put("messageId", messageId)
        .put("emoji", "👍").put("op", "add"));
    assertEquals("forbidden", outsiderSocket.next("error").getString("code"));

    JsonObject stored = parley.rest().get("/api/rooms/" + roomId + "/messages", token(alice)).json()
        .getJsonArray("messages").getJsonObject(0);
    assertEquals("mine", stored.getString("text"));
    assertTrue(stored.getJsonObject("reactions").isEmpty());
    List.of(aliceSocket, bobSocket, outsiderSocket).forEach(SocketClient::close);
  }

  @Test
  void syncLeavesOutRoomsOfOthersAndRefusesBadInput() {
    JsonObject alice = parley.newUser("alice");
    JsonObject mallory = parley.newUser("mallory");
    String roomId = parley.rest().post("/api/rooms", token(alice), new JsonObject()
        .put("name", "private-resume").put("type", "private")).json().getString("id");
    SocketClient aliceSocket = parley.socket(alice);
    aliceSocket.send(message(roomId, "secret"));
    aliceSocket.next("ack");

    SocketClient malloryKeys = parley.socket(mallory);
    malloryKeys.send(new JsonObject().put("type", "sync").put("ref", 1)
        .put("rooms", new JsonObject().put(roomId, 0)));
    JsonObject synced = malloryKeys.next("synced");
    assertFalse(synced.getJsonObject("rooms").containsKey(roomId));
    assertTrue(malloryKeys.drain(200).stream().noneMatch(f -> "message".equals(f.getString("type"))),
        "nothing of a room one is not in");

    for (Object bad : List.of("all", new JsonArray().add(roomId), new JsonObject().put(roomId, "zero"),
        new JsonObject().put(roomId, -1), new JsonObject().put(roomId, 1.5))) {
      malloryKeys.send(new JsonObject().put("type", "sync").put("ref", "bad").put("rooms", bad));
      JsonObject error = malloryKeys.next("error");
      assertEquals("invalid_input", error.getString("code"), String.valueOf(bad));
      assertEquals("bad", error.getString("ref"));
    }
    aliceSocket.close();
    malloryKeys.close();
  }

  private static JsonObject message(String roomId, String text) {
    return new JsonObject().put("type", "message").put("roomId", roomId).put("text", text)
        .put("clientMsgId", text);
  }
}
