package io.parley.contract.frame;

import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** {@code reaction}: a user added or removed a reaction; {@code version} is the change's, the message's now. */
public record ReactionFrame(Message message, String emoji, String userId, String op) implements ServerFrame {

  public static final String ADD = "add";
  public static final String REMOVE = "remove";

  @Override
  public String type() {
    return FrameTypes.REACTION;
  }

  @Override
  public JsonObject fields() {
    return TimelineChange.of(message)
        .put("messageId", message.id())
        .put("emoji", emoji)
        .put("userId", userId)
        .put("op", op);
  }
}
