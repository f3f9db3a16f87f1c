package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** The changes of one room after a version: {@code {roomId, version}}, the version a copy of the room holds. */
public record ChangesQuery(String roomId, long version) {

  public static final Codec<ChangesQuery> CODEC = Codec.of(ChangesQuery::toJson, ChangesQuery::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("version", version);
  }

  /** A room as {@link RoomRef#parse} reads it, and a whole, non-negative version. */
  public static ChangesQuery parse(JsonObject json) {
    String roomId = ChatIds.room(json.getValue("roomId"));
    RequestFields fields = RequestFields.of(json);
    Long version = fields.requiredLong("version", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    return new ChangesQuery(roomId, version);
  }
}
