package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.CloseCodes;
import io.parley.testing.Await;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A socket cannot flood the gateway, cannot make it hoard memory by not reading, and is told when it stops. */
@ExtendWith(VertxExtension.class)
class SocketProtectionTest {

  @Test
  void aFloodIsRefusedThenClosed4429(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      JsonObject alice = parley.newUser("alice");
      SocketClient socket = parley.socket(alice);
      for (int i = 0; i < 120; i++) {
        socket.sendAndForget(new JsonObject().put("type", "ping").put("ref", i));
      }
      JsonObject refused = socket.next("error");
      assertEquals("rate_limited", refused.getString("code"));
      // The refusal answers the ping it refused (one past the burst, of which auth took one) and says when one
      // would be taken: a twentieth of a second at most.
      assertTrue(refused.getInteger("ref") >= 39, "the refused frame's ref: " + refused);
      long retryAfterMs = refused.getLong("retryAfterMs");
      assertTrue(retryAfterMs >= 1 && retryAfterMs <= 50, "retryAfterMs: " + retryAfterMs);
      assertEquals(CloseCodes.TOO_FAST_OR_TOO_SLOW, socket.awaitClose(5_000));
      long pongs = socket.drain(100).stream().filter(f -> "pong".equals(f.getString("type"))).count();
      assertTrue(pongs >= 39 && pongs <= 45, "the burst is served: " + pongs);
    }
  }

  @Test
  void readyTellsTheFrameRateThatTheSocketTakes(Vertx vertx) {
    JsonObject rate = new JsonObject().put("PARLEY_SOCKET_FRAMES_PER_SECOND", 1).put("PARLEY_SOCKET_FRAME_BURST", 9);
    try (ParleyStack parley = ParleyStack.start(vertx, rate)) {
      SocketClient socket = SocketClient.connect(vertx, parley.port());
      socket.send(new JsonObject().put("type", "auth").put("token", ParleyStack.token(parley.newUser("alice"))));
      assertEquals(new JsonObject().put("framesPerSecond", 1).put("frameBurst", 9),
          socket.next("ready").getJsonObject("limits"));
      for (int i = 0; i < 12; i++) {
        socket.sendAndForget(new JsonObject().put("type", "ping").put("ref", i));
      }
      // The auth frame took one of the nine: eight pings are answered; of the next four, at most one more (the
      // one token that may have come back since auth), and each refused one is told apart by its ref.
      for (int i = 0; i < 8; i++) {
        assertEquals("pong", socket.answerTo(i).getString("type"));
      }
      List<JsonObject> refused = IntStream.range(8, 12).mapToObj(socket::answerTo)
          .filter(answer -> "error".equals(answer.getString("type"))).toList();
      assertTrue(refused.size() >= 3, "refused: " + refused);
      refused.forEach(answer -> {
        assertEquals("rate_limited", answer.getString("code"));
        assertTrue(answer.getLong("retryAfterMs") >= 1 && answer.getLong("retryAfterMs") <= 1000, answer.encode());
      });
      socket.close();
    }
  }

  @Test
  void aReaderThatStopsReadingIsClosed4429AndHeapStaysBounded(Vertx vertx) {
    JsonObject unlimited = new JsonObject()
        .put("PARLEY_SOCKET_FRAMES_PER_SECOND", 1_000_000)
        .put("PARLEY_SOCKET_FRAME_BURST", 1_000_000);
    try (ParleyStack parley = ParleyStack.start(vertx, unlimited)) {
      JsonObject alice = parley.newUser("alice");
      JsonObject bob = parley.newUser("bob");
      String roomId = parley.sharedRoom(alice, bob);
      SocketClient sender = parley.socket(alice);
      SocketClient stalled = parley.socket(bob);
      stalled.pause();
      double dropsBefore = queueDrops(parley);
      long heapBefore = usedHeapAfterGc();

      String text = "x".repeat(3_000);
      int sent = 10_000;
      for (int i = 0; i < sent; i++) {
        sender.send(new JsonObject().put("type", "message").put("roomId", roomId).put("text", text)
            .put("clientMsgId", "f" + i));
        if (i % 200 == 199) {
          String batchEnd = "f" + i;
          sender.next(f -> "ack".equals(f.getString("type")) && batchEnd.equals(f.getString("clientMsgId")), 60_000);
          sender.drain(0);
        }
      }
      long heapGrowth = usedHeapAfterGc() - heapBefore;

      stalled.resume();
      assertEquals(CloseCodes.TOO_FAST_OR_TOO_SLOW, stalled.awaitClose(30_000));
      long received = stalled.drain(0).stream().filter(f -> "message".equals(f.getString("type"))).count();
      assertTrue(received < sent, "the stalled reader was cut off, not buffered: " + received);
      assertTrue(heapGrowth < 48L * 1024 * 1024,
          "30 MB of frames went by; the gateway kept " + heapGrowth / 1024 + " KiB");
      assertTrue(queueDrops(parley) > dropsBefore, "the drop is counted");
      sender.close();
    }
  }

  @Test
  void shutdownClosesSockets1001(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      SocketClient socket = parley.socket(parley.newUser("alice"));
      Await.result(vertx.undeploy(parley.gatewayDeployment()));
      assertEquals(CloseCodes.GOING_AWAY, socket.awaitClose(5_000));
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Slow readers dropped so far, summed over the gateways of this JVM, from the management port. */
  private static double queueDrops(ParleyStack parley) {
    return MeterText.sum(MeterText.scrape(parley), "parley_gateway_queue_drops_total");
  }
}
