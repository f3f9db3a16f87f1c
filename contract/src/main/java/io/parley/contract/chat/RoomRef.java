package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A request about one room: {@code {roomId}} (join, leave, show, remember as last open, delete). */
public record RoomRef(String roomId) {

  public static final Codec<RoomRef> CODEC = Codec.of(RoomRef::toJson, RoomRef::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId);
  }

  /** {@code invalid_input} for a missing or mistyped id, {@code not_found} for one that cannot be an id. */
  public static RoomRef parse(JsonObject json) {
    return of(json.getValue("roomId"));
  }

  /** The room of an untrusted value, such as a path parameter, checked as {@link #parse}. */
  public static RoomRef of(Object roomId) {
    return new RoomRef(ChatIds.room(roomId));
  }
}
