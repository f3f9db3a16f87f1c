package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contract.CloseCodes;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The socket's first frame must be a valid {@code auth}, within 10 seconds. */
class SocketAuthTest extends ParleyStackTest {

  @Test
  void noAuthWithinTenSecondsCloses4408() {
    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    assertNull(socket.awaitClose(9_000), "still open before the 10 s are up");
    assertEquals(CloseCodes.AUTH_TIMEOUT, socket.awaitClose(3_000));
  }

  @Test
  void aWrongTokenCloses4401() {
    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    socket.send(new JsonObject().put("type", "auth").put("token", "eyJhbGciOiJub25lIn0.e30."));
    assertEquals(CloseCodes.UNAUTHENTICATED, socket.awaitClose(5_000));
  }

  @Test
  void aMissingTokenCloses4401() {
    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    socket.send(new JsonObject().put("type", "auth").put("token", 12345));
    assertEquals(CloseCodes.UNAUTHENTICATED, socket.awaitClose(5_000));
  }

  @Test
  void framesBeforeAuthAreRefused() {
    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    socket.send(new JsonObject().put("type", "message").put("ref", "early").put("roomId", "x").put("text", "hi"));
    JsonObject error = socket.next("error");
    assertEquals("early", error.getString("ref"));
    assertEquals("unauthenticated", error.getString("code"));
    socket.close();
  }
}
