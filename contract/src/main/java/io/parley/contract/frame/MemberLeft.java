package io.parley.contract.frame;

import io.parley.contract.model.UserRef;
import io.vertx.core.json.JsonObject;

/** {@code member_left}: a user left, or was removed from, one of the receiver's rooms (or it was deleted). */
public record MemberLeft(String roomId, UserRef user) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.MEMBER_LEFT;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("roomId", roomId).put("user", user.toJson());
  }
}
