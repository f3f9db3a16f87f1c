package io.parley.contract.frame;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** {@code message_updated}: a message was edited; it carries the message as it now is. */
public record MessageUpdated(Message message) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.MESSAGE_UPDATED;
  }

  @Override
  public JsonObject fields() {
    return TimelineChange.withMessage(message);
  }
}
