package io.parley.gateway.socket;

import io.vertx.core.json.JsonObject;

/** Handles one type of client frame from an authenticated connection. */
@FunctionalInterface
public interface FrameHandler {

  /**
   * {@code ref} is the frame's own, to be echoed on the answer; it may be null. A frame the contract refuses may
   * be refused by throwing its {@link io.parley.contract.ServiceError}: the connection answers it with an error.
   */
  void handle(ClientConnection connection, JsonObject frame, Object ref);
}
