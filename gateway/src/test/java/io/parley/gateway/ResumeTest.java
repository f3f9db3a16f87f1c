package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that was away reconnects, sends {@code sync}, and ends with exactly the server's state. */
class ResumeTest extends StackTest {

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
    for (int i = 1; i <= 20; i++) {
      aliceSocket.next("ack");
    }

    SocketClient back = parley.socket(bob);
    back.send(new JsonObject().put("type", "sync").put("ref", "s1")
        .put("rooms", new JsonObject().put(roomId, bobsVersion)));
    JsonObject synced = back.next("synced");
    List<JsonObject> resent = back.drain(0).stream().filter(f -> "message".equals(f.getString("type"))).toList();

    assertEquals("s1", synced.getString("ref"));
    assertEquals(20, resent.size(), "every missed message once: " + resent);
    long previous = bobsVersion;
    int expectedText = 1;
    for (JsonObject frame : resent) {
      assertEquals("while away " + expectedText++, frame.getJsonObject("message").getString("text"),
          "stored in the order they were sent, even pipelined");
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

    back.send(new JsonObject().put("type", "sync").put("ref", "s2")
        .put("rooms", new JsonObject().put(roomId, previous)));
    assertEquals(0, back.next("synced").getJsonObject("rooms").getJsonObject(roomId).getLong("version")
        - previous, "nothing more to send");
    assertTrue(back.drain(200).stream().noneMatch(f -> "message".equals(f.getString("type"))));
    aliceSocket.close();
    back.close();
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
