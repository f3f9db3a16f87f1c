package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** One member of a room, to remove or to make an owner: {@code {roomId, userId}}. */
public record RoomMember(String roomId, String userId) {

  public static final Codec<RoomMember> CODEC = Codec.of(RoomMember::toJson, RoomMember::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("userId", userId);
  }

  /** The room is checked first, then the user, each as {@link ChatIds} says. */
  public static RoomMember parse(JsonObject json) {
    String roomId = ChatIds.room(json.getValue("roomId"));
    return new RoomMember(roomId, ChatIds.user(json.getValue("userId"), "userId"));
  }

  /** The member a path names ({@code /rooms/{id}/members/{userId}}). */
  public static RoomMember of(String roomId, Object userId) {
    return parse(new JsonObject().put("roomId", roomId).put("userId", userId));
  }

  /** The member an untrusted body ({@code {userId}}) names in the room of a path. */
  public static RoomMember parse(String roomId, JsonObject body) {
    return of(roomId, body.getValue("userId"));
  }
}
