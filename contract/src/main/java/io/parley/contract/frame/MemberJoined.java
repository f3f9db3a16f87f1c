package io.parley.contract.frame;

import io.parley.contract.model.UserRef;
import io.vertx.core.json.JsonObject;

/** {@code member_joined}: a user joined one of the receiver's rooms. */
public record MemberJoined(String roomId, UserRef user) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.MEMBER_JOINED;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("roomId", roomId).put("user", user.toJson());
  }
}
