package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A room to create: {@code {name, description?, type?, capacity?}}. The name and description are kept stripped of
 * surrounding blanks; a room without a type is public; one without a capacity gets chat-service's default.
 */
public record NewRoom(String name, String description, String type, Integer capacity) {

  public static final List<String> CREATABLE_TYPES = List.of(Room.PUBLIC, Room.PRIVATE);

  public static final Codec<NewRoom> CODEC = Codec.of(NewRoom::toJson, NewRoom::parse);

  public NewRoom {
    description = description == null ? "" : description;
    type = type == null ? Room.PUBLIC : type;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name).put("description", description).put("type", type);
    return JsonValues.putIfPresent(json, "capacity", capacity);
  }

  /** Reads an untrusted room, refusing it with {@code invalid_input} listing every broken rule. */
  public static NewRoom parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String name = RoomFields.name(fields, true);
    String description = RoomFields.description(fields);
    String type = fields.optionalEnum("type", CREATABLE_TYPES);
    Long capacity = fields.optionalLong("capacity", 2, Limits.ROOM_CAPACITY_MAX);
    fields.throwIfInvalid();
    return new NewRoom(name, description, type, capacity == null ? null : capacity.intValue());
  }
}
