package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;

/** The direct room of two users, and whether this request made it. */
public record DirectRoom(Room room, boolean created) {

  public static final Codec<DirectRoom> CODEC = Codec.of(DirectRoom::toJson, DirectRoom::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("room", room.toJson()).put("created", created);
  }

  public static DirectRoom fromJson(JsonObject json) {
    return new DirectRoom(Room.fromJson(json.getJsonObject("room")), json.getBoolean("created", false));
  }
}
