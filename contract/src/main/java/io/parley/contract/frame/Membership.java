package io.parley.contract.frame;

import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;

/**
 * {@code membership}, on the user's own address: the user was added to ({@code room} given) or removed from a
 * room. Gateways move the user's sockets' room subscriptions, then pass it on to the client.
 */
public record Membership(String roomId, boolean member, Room room) implements ServerFrame {

  public static Membership joined(Room room) {
    return new Membership(room.id(), true, room);
  }

  public static Membership left(String roomId) {
    return new Membership(roomId, false, null);
  }

  @Override
  public String type() {
    return FrameTypes.MEMBERSHIP;
  }

  @Override
  public JsonObject fields() {
    JsonObject json = new JsonObject().put("roomId", roomId).put("member", member);
    return room == null ? json : json.put("room", room.toJson());
  }

  public static Membership fromJson(JsonObject json) {
    JsonObject room = json.getJsonObject("room");
    return new Membership(json.getString("roomId"), json.getBoolean("member", false),
        room == null ? null : Room.fromJson(room));
  }
}
