package io.parley.contract.frame;

import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;

/**
 * {@code room_updated}: a room's settings or owners changed, to every member, with the room as they all see it;
 * or, on one user's own address, a change of that user's own settings for it ({@code muted}).
 */
public record RoomUpdated(Room room) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.ROOM_UPDATED;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("roomId", room.id()).put("room", room.toJson());
  }
}
