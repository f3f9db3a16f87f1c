package io.parley.contract.frame;

import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;

/** {@code user_updated}: a user who shares a room with the receiver (or the receiver) changed their profile. */
public record UserUpdated(User user) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.USER_UPDATED;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("user", user.toJson());
  }
}
