package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Every public room and every room of the actor, by name, and the room the actor last had open if still listed. */
public record RoomList(List<Room> rooms, String lastRoomId) {

  public static final Codec<RoomList> CODEC = Codec.of(RoomList::toJson, RoomList::fromJson);

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("rooms", JsonValues.encodeAll(rooms, Room::toJson));
    return JsonValues.putIfPresent(json, "lastRoomId", lastRoomId);
  }

  public static RoomList fromJson(JsonObject json) {
    return new RoomList(JsonValues.decodeAll(json.getJsonArray("rooms"), Room::fromJson), json.getString("lastRoomId"));
  }
}
