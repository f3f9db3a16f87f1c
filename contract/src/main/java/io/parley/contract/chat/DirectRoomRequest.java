package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** The direct room of the actor and another user, made on first use: {@code {userId}}. */
public record DirectRoomRequest(String userId) {

  public static final Codec<DirectRoomRequest> CODEC = Codec.of(DirectRoomRequest::toJson, DirectRoomRequest::parse);

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  /** {@code invalid_input} for a missing or mistyped id, {@code not_found} for one that cannot be an id. */
  public static DirectRoomRequest parse(JsonObject json) {
    return new DirectRoomRequest(ChatIds.user(json.getValue("userId"), "userId"));
  }
}
