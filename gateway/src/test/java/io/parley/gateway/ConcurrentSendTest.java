package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two chat-service instances share the store, as two processes would, and requests are spread over them:
 * concurrent sends still number gap-free, a retried clientMsgId makes one message, and the recent messages
 * each instance keeps in memory never show an older state than the other instance wrote.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentSendTest {

  private static final int SOCKETS = 4;
  private static final int PER_SOCKET = 50;
  private static ParleyStack parley;
  private static RestClient rest;

  @BeforeAll
  static void start(Vertx vertx) {
    // Each socket sends its 50 frames at once: past the default rate limit, which this test is not about.
    parley = ParleyStack.start(vertx, new JsonObject()
        .put("PARLEY_SOCKET_FRAMES_PER_SECOND", 1000).put("PARLEY_SOCKET_FRAME_BURST", 1000), 2);
    rest = parley.rest();
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void twoHundredConcurrentSendsAreNumberedOneToTwoHundred() {
    JsonObject owner = parley.newUser("owner");
    String room = parley.createRoom(owner, "public");
    List<SocketClient> sockets = new ArrayList<>();
    for (int i = 0; i < SOCKETS; i++) {
      JsonObject user = i == 0 ? owner : parley.newUser("sender");
      rest.post("/api/rooms/" + room + "/join", token(user), null);
      sockets.add(parley.socket(user));
    }

    for (int n = 0; n < PER_SOCKET; n++) {
      for (int s = 0; s < SOCKETS; s++) {
        sockets.get(s).send(new JsonObject().put("type", "message").put("ref", s + "-" + n).put("roomId", room)
            .put("text", "from " + s + " #" + n).put("clientMsgId", s + "-" + n));
      }
    }
    Set<Long> seqs = new TreeSet<>();
    Set<String> ids = new HashSet<>();
    for (SocketClient socket : sockets) {
      for (int n = 0; n < PER_SOCKET; n++) {
        JsonObject ack = socket.next("ack");
        seqs.add(ack.getLong("seq"));
        ids.add(ack.getString("messageId"));
      }
    }

    int total = SOCKETS * PER_SOCKET;
    assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), List.copyOf(seqs));
    assertEquals(total, ids.size());
    List<JsonObject> history = new ArrayList<>();
    history.addAll(page(owner, room, "?after=0&limit=100"));
    history.addAll(page(owner, room, "?after=100&limit=100"));
    assertEquals(LongStream.rangeClosed(1, total).boxed().toList(),
        history.stream().map(m -> m.getLong("seq")).toList());
    assertEquals(LongStream.rangeClosed(1, total).boxed().toList(),
        history.stream().map(m -> m.getLong("version")).sorted().toList());
    sockets.forEach(SocketClient::close);
  }

  @Test
  void aClientMsgIdRetriedAtOnceFromTwoSocketsMakesOneMessage() {
    JsonObject user = parley.newUser("retrier");
    String room = parley.createRoom(user, "public");
    SocketClient first = parley.socket(user);
    SocketClient second = parley.socket(user);
    JsonObject frame = new JsonObject().put("type", "message").put("roomId", room).put("text", "only once")
        .put("clientMsgId", "same-key");

    for (int i = 0; i < 5; i++) {
      first.send(frame.copy().put("ref", "a" + i));
      second.send(frame.copy().put("ref", "b" + i));
    }
    Set<String> messageIds = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      messageIds.add(first.answerTo("a" + i).getString("messageId"));
      messageIds.add(second.answerTo("b" + i).getString("messageId"));
    }

    assertEquals(1, messageIds.size());
    assertEquals(1, page(user, room, "").size());
    first.close();
    second.close();
  }

  @Test
  void eachInstanceServesTheLatestStateWhicheverInstanceWroteIt() {
    JsonObject user = parley.newUser("editor");
    String room = parley.createRoom(user, "public");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(parley.send(user, room, "original " + i).getString("id"));
    }
    page(user, room, "");
    page(user, room, "");

    for (int round = 0; round < 12; round++) {
      String id = ids.get(round % ids.size());
      String text = "edit " + round;
      assertEquals(200, rest.patch("/api/messages/" + id, token(user), new JsonObject().put("text", text)).status());
      for (int read = 0; read < 2; read++) {
        JsonObject shown = page(user, room, "").stream().filter(m -> m.getString("id").equals(id)).findFirst()
            .orElseThrow();
        assertEquals(text, shown.getString("text"), "round " + round + ", read " + read);
      }
      if (round % 3 == 0) {
        parley.send(user, room, "more " + round);
      }
    }
  }

  private static List<JsonObject> page(JsonObject user, String room, String query) {
    JsonArray messages = rest.get("/api/rooms/" + room + "/messages" + query, token(user)).json()
        .getJsonArray("messages");
    return messages.stream().map(JsonObject.class::cast).toList();
  }
}
