package io.parley.gateway.socket;

import io.vertx.core.json.JsonObject;

/** Handles one type of client frame from an authenticated connection. */
@FunctionalInterface
public interface FrameHandler {

  /** {@code ref} is the frame's own, to be echoed on the answer; it may be null. */
  void handle(ClientConnection connection, JsonObject frame, Object ref);
}
