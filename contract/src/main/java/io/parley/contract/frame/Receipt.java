package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code receipt}: the other member of a direct room read up to {@code seq}. */
public record Receipt(String roomId, String userId, long seq) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.RECEIPT;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("roomId", roomId).put("userId", userId).put("seq", seq);
  }
}
