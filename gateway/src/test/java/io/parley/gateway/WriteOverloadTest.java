package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.JournalYield;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While the store is behind, a send is refused at once, saying when to send again, on the socket and over
 * REST, and records nothing; the same send after that moment is taken. The store is made to fall behind by
 * asking chat-service to hold back from the room, as another instance does when it keeps losing the room.
 */
@ExtendWith(VertxExtension.class)
class WriteOverloadTest {

  @Test
  void aSendWhileTheStoreIsBehindIsRefusedWithRetryAfterAndRecordsNothing(Vertx vertx) throws InterruptedException {
    try (ParleyStack parley = ParleyStack.start(vertx, new JsonObject().put("PARLEY_WRITE_QUEUE_LIMIT_MS", 100))) {
      JsonObject amy = parley.newUser("amy");
      String room = parley.createRoom(amy, "public");
      parley.send(amy, room, "opening");
      // Two sockets: one socket's sends are answered in order, so a second send on the first would wait for it.
      SocketClient socket = parley.socket(amy);
      SocketClient other = parley.socket(amy);
      new BusClient(vertx.eventBus()).publish(ChatOperations.JOURNAL_YIELD, new JournalYield(room, "other", 1_500));
      socket.send(message(room, "waits"));
      Thread.sleep(300);

      other.send(message(room, "refused"));
      JsonObject refused = other.answerTo("refused");
      RestClient.Reply refusedToo = parley.rest().post("/api/messages", token(amy),
          new JsonObject().put("roomId", room).put("text", "refused too").put("clientMsgId", "refused-too"));

      assertEquals("error", refused.getString("type"), refused.encode());
      assertEquals("unavailable", refused.getString("code"));
      assertEquals(1_000L, refused.getLong("retryAfterMs"));
      assertEquals(503, refusedToo.status());
      assertEquals("unavailable", refusedToo.code());
      assertEquals("1", refusedToo.header("Retry-After"));
      assertEquals(2L, socket.answerTo("waits").getLong("seq"), "the send that waited is taken");
      Thread.sleep(refused.getLong("retryAfterMs"));
      socket.send(message(room, "refused"));
      assertEquals(3L, socket.answerTo("refused").getLong("seq"), "sent again after the moment, it is taken");
      List<String> texts = parley.rest().get("/api/rooms/" + room + "/messages", token(amy)).json()
          .getJsonArray("messages").stream().map(JsonObject.class::cast).map(m -> m.getString("text")).toList();
      assertEquals(List.of("opening", "waits", "refused"), texts);
    }
  }

  /** A send whose ref and clientMsgId are its text. */
  private static JsonObject message(String roomId, String text) {
    return new JsonObject().put("type", "message").put("ref", text).put("roomId", roomId).put("text", text)
        .put("clientMsgId", text);
  }
}
