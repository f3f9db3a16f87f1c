package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A member's own settings for a room: {@code {roomId, muted}}. */
public record RoomPrefsChange(String roomId, boolean muted) {

  public static final Codec<RoomPrefsChange> CODEC = Codec.of(RoomPrefsChange::toJson, RoomPrefsChange::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("muted", muted);
  }

  /** {@code muted} is required and a JSON boolean ({@code invalid_input}), then the room. */
  public static RoomPrefsChange parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Boolean muted = fields.optionalBoolean("muted");
    if (!fields.has("muted")) {
      fields.reject("muted", "is required");
    }
    fields.throwIfInvalid();
    return new RoomPrefsChange(ChatIds.room(json.getValue("roomId")), muted);
  }

  /** The settings an untrusted body asks for the room of a path. */
  public static RoomPrefsChange parse(String roomId, JsonObject body) {
    return parse(body.copy().put("roomId", roomId));
  }
}
