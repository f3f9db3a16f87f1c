package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A room as named beside something found in it: {@code {id, name, type}}. */
public record RoomRef(String id, String name, String type) {

  public static RoomRef of(Room room) {
    return new RoomRef(room.id(), room.name(), room.type());
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("type", type);
  }

  public static RoomRef fromJson(JsonObject json) {
    return new RoomRef(json.getString("id"), json.getString("name"), json.getString("type"));
  }
}
