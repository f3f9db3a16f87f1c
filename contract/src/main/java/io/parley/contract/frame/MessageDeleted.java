package io.parley.contract.frame;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** {@code message_deleted}: a message was emptied; it keeps its seq and carries {@code deleted:true}. */
public record MessageDeleted(Message message) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.MESSAGE_DELETED;
  }

  @Override
  public JsonObject fields() {
    return TimelineChange.withMessage(message).put("messageId", message.id());
  }
}
