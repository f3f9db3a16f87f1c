package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A room's settings changed by an owner or an admin: {@code {roomId, name?, description?, topic?}}, at least one
 * of them; each kept stripped of surrounding blanks, the name by the rules a new room's follows.
 */
public record RoomChange(String roomId, String name, String description, String topic) {

  public static final Codec<RoomChange> CODEC = Codec.of(RoomChange::toJson, RoomChange::parse);

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("roomId", roomId);
    JsonValues.putIfPresent(json, "name", name);
    JsonValues.putIfPresent(json, "description", description);
    return JsonValues.putIfPresent(json, "topic", topic);
  }

  /** The fields' rules first ({@code invalid_input} listing each), then the room. */
  public static RoomChange parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String name = RoomFields.name(fields, false);
    String description = RoomFields.description(fields);
    String topic = RoomFields.topic(fields);
    if (!fields.has("name") && !fields.has("description") && !fields.has("topic")) {
      fields.reject("body", "must change at least one of name, description, topic");
    }
    fields.throwIfInvalid();
    return new RoomChange(ChatIds.room(json.getValue("roomId")), name, description, topic);
  }

  /** The change an untrusted body asks of the room of a path. */
  public static RoomChange parse(String roomId, JsonObject body) {
    return parse(body.copy().put("roomId", roomId));
  }
}
