package io.parley.gateway;

import static io.parley.gateway.SocketAssertions.assertStillOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.CloseCodes;
import io.parley.contract.Limits;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Binary frames on {@code /ws} are not the protocol, yet they count like text frames: against the rate limit and
 * the frame size, before and after {@code auth}. A flood of either is refused, then closed with 4429.
 */
@ExtendWith(VertxExtension.class)
class BinaryFramesTest {

  private static final int FLOOD = 300;

  private static ParleyStack parley;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
  }

  @AfterAll
  static void stop() {
    parley.close();
  }

  @Test
  void aBinaryFloodAfterAuthIsRefusedThenClosed4429() {
    assertFloodRefusedThenClosed(parley.socket(parley.newUser("binary")), BinaryFramesTest::binaryFrame);
  }

  @Test
  void aBinaryFloodBeforeAuthIsRefusedThenClosed4429() {
    assertFloodRefusedThenClosed(SocketClient.connect(parley.vertx(), parley.port()), BinaryFramesTest::binaryFrame);
  }

  @Test
  void aTextFloodBeforeAuthIsRefusedThenClosed4429() {
    assertFloodRefusedThenClosed(SocketClient.connect(parley.vertx(), parley.port()),
        socket -> socket.sendAndForget(new JsonObject().put("type", "ping")));
  }

  @Test
  void aBinaryFrameIsRefusedAsInvalidAndAnOversizeOneAsTooLarge() {
    SocketClient socket = parley.socket(parley.newUser("sizes"));
    socket.sendBinaryAndForget(Buffer.buffer(new byte[16]));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.sendBinaryAndForget(Buffer.buffer(new byte[Limits.FRAME_MAX_BYTES + 1]));
    assertEquals("too_large", socket.next("error").getString("code"));
    assertStillOpen(socket);
    socket.close();
  }

  private static void assertFloodRefusedThenClosed(SocketClient socket, Consumer<SocketClient> sendOne) {
    for (int i = 0; i < FLOOD; i++) {
      sendOne.accept(socket);
    }
    socket.next(f -> "error".equals(f.getString("type")) && "rate_limited".equals(f.getString("code")), 10_000);
    assertEquals(CloseCodes.TOO_FAST_OR_TOO_SLOW, socket.awaitClose(5_000));
    socket.close();
  }

  private static void binaryFrame(SocketClient socket) {
    socket.sendBinaryAndForget(Buffer.buffer(new byte[] {1, 2, 3}));
  }
}
