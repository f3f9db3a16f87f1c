package io.parley.contract.chat;

import io.vertx.core.json.JsonObject;

/** A room and the version of its latest timeline change: {@code {roomId, version}}, 0 for a room without any. */
public record RoomVersion(String roomId, long version) {

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("version", version);
  }

  public static RoomVersion fromJson(JsonObject json) {
    return new RoomVersion(json.getString("roomId"), json.getLong("version", 0L));
  }
}
