package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A member adds another user to a room (the way into a private room): {@code {roomId, userId}}. */
public record Invitation(String roomId, String userId) {

  public static final Codec<Invitation> CODEC = Codec.of(Invitation::toJson, Invitation::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("userId", userId);
  }

  /** The room is checked first, then the user, each as {@link ChatIds} says. */
  public static Invitation parse(JsonObject json) {
    String roomId = ChatIds.room(json.getValue("roomId"));
    return new Invitation(roomId, ChatIds.user(json.getValue("userId"), "userId"));
  }

  /** The invitation of an untrusted body ({@code {userId}}) to the room of a path. */
  public static Invitation parse(String roomId, JsonObject body) {
    return parse(new JsonObject().put("roomId", roomId).put("userId", body.getValue("userId")));
  }
}
