package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code delivered}: a direct message reached its recipient late, when they came back online. */
public record Delivered(String messageId, String roomId, String at) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.DELIVERED;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("messageId", messageId).put("roomId", roomId).put("late", true).put("at", at);
  }
}
