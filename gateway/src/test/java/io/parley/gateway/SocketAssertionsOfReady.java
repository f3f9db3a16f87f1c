package io.parley.gateway;

import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;

/** What a fresh socket's {@code ready} says of one room: how a client that was away learns of changes to it. */
final class SocketAssertionsOfReady {

  private SocketAssertionsOfReady() {
  }

  /** The room as the user's next {@code ready} lists it. */
  static JsonObject room(ParleyStack parley, JsonObject session, String roomId) {
    SocketClient socket = SocketClient.connect(parley.vertx(), parley.port());
    try {
      socket.send(new JsonObject().put("type", "auth").put("token", ParleyStack.token(session)));
      return socket.next("ready").getJsonArray("rooms").stream().map(JsonObject.class::cast)
          .filter(room -> roomId.equals(room.getString("id"))).findFirst()
          .orElseThrow(() -> new AssertionError("ready does not list " + roomId));
    } finally {
      socket.close();
    }
  }
}
