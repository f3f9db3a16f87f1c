package io.parley.gateway.socket;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Answers to client frames: each carries the frame's {@code ref}; an {@code error} says why the frame was refused,
 * with any field errors.
 */
final class Answers {

  private Answers() {
  }

  static JsonObject error(Object ref, ErrorCode code, String message) {
    return withRef(new JsonObject().put("type", "error").put("code", code.word()).put("message", message), ref);
  }

  /** The error frame of any failure, as its {@link ServiceError} says. */
  static JsonObject error(Object ref, Throwable failure) {
    ServiceError error = ServiceError.from(failure);
    JsonObject frame = error(ref, error.code(), error.detail());
    if (!error.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      error.errors().forEach(e -> errors.add(e.toJson()));
      frame.put("errors", errors);
    }
    return frame;
  }

  static JsonObject withRef(JsonObject frame, Object ref) {
    if (ref != null) {
      frame.put("ref", ref);
    }
    return frame;
  }
}
