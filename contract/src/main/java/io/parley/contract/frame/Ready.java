package io.parley.contract.frame;

import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code ready}: the user, their rooms with counters and unread, which of their roommates are online, and the
 * socket's frame rate ({@code limits}).
 */
public record Ready(User user, List<Room> rooms, List<String> online, FrameRate limits) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.READY;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject()
        .put("user", user.toJson())
        .put("rooms", JsonValues.encodeAll(rooms, Room::toJson))
        .put("online", JsonValues.array(online))
        .put("limits", limits.toJson());
  }
}
