package io.parley.contract.frame;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** What every frame about a room's timeline starts with: the room, and the version the change took. */
final class TimelineChange {

  private TimelineChange() {
  }

  static JsonObject of(Message message) {
    return new JsonObject().put("roomId", message.roomId()).put("version", message.version());
  }

  /** The change's fields with the message itself, as it now is. */
  static JsonObject withMessage(Message message) {
    return of(message).put("message", message.toJson());
  }
}
