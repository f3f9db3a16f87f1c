package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * Who may be in a room changed: one user's membership ({@code userId}), or the room itself (no {@code userId}:
 * deleted, or its settings changed). Every chat-service instance forgets what it cached of it.
 */
public record RoomAccessChanged(String roomId, String userId) {

  public static final Codec<RoomAccessChanged> CODEC = Codec.of(RoomAccessChanged::toJson,
      RoomAccessChanged::fromJson);

  /** The room as a whole changed. */
  public static RoomAccessChanged room(String roomId) {
    return new RoomAccessChanged(roomId, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("roomId", roomId);
    return userId == null ? json : json.put("userId", userId);
  }

  public static RoomAccessChanged fromJson(JsonObject json) {
    return new RoomAccessChanged(json.getString("roomId"), json.getString("userId"));
  }
}
