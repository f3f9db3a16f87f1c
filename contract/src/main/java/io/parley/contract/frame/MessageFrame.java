package io.parley.contract.frame;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/**
 * {@code message}: a new message in one of the user's rooms, or, with {@code sync:true}, a message resent in its
 * current state while answering {@code sync} (or delivered late to a user who was offline). A reply carries its
 * {@code threadId} beside the message too, so a client can route it before reading the message.
 */
public record MessageFrame(Message message, boolean sync) implements ServerFrame {

  public static MessageFrame live(Message message) {
    return new MessageFrame(message, false);
  }

  public static MessageFrame resent(Message message) {
    return new MessageFrame(message, true);
  }

  @Override
  public String type() {
    return FrameTypes.MESSAGE;
  }

  @Override
  public JsonObject fields() {
    JsonObject json = TimelineChange.withMessage(message);
    if (message.isReply()) {
      json.put("threadId", message.threadId());
    }
    return sync ? json.put("sync", true) : json;
  }
}
