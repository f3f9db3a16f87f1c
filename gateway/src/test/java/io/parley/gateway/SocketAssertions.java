package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;

/** What a socket's user sees: the server closing it with a code, or it still answering. */
final class SocketAssertions {

  private SocketAssertions() {
  }

  static void assertClosedWith(short expectedCode, SocketClient socket, long withinMs) {
    Short code = socket.awaitClose(withinMs);
    assertEquals(Short.valueOf(expectedCode), code, "close code within " + withinMs + " ms");
  }

  /** Still open: a ping is answered and the server has not closed it. */
  static void assertStillOpen(SocketClient socket) {
    socket.send(new JsonObject().put("type", "ping").put("ref", "still-there"));
    assertEquals("still-there", socket.next("pong").getString("ref"));
    assertNull(socket.awaitClose(0), "the socket was closed");
  }
}
