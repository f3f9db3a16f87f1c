package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code typing}: another member started or stopped typing in a room. */
public record Typing(String roomId, String userId, boolean typing) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.TYPING;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("roomId", roomId).put("userId", userId).put("typing", typing);
  }

  /** Reads what a gateway needs of a typing event it relays: whose it is. */
  public static Typing fromJson(JsonObject json) {
    return new Typing(json.getString("roomId"), json.getString("userId"), json.getBoolean("typing", false));
  }
}
