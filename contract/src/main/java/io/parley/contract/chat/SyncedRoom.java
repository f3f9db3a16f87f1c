package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One room's answer to a sync: every message created or changed after the version asked for, in its current
 * state, by latest change, and the version this reached; {@code complete:false} means more follow from it.
 */
public record SyncedRoom(String roomId, long version, boolean complete, List<Message> messages) {

  public static final Codec<SyncedRoom> CODEC = Codec.of(SyncedRoom::toJson, SyncedRoom::fromJson);

  public JsonObject toJson() {
    return new JsonObject()
        .put("roomId", roomId)
        .put("version", version)
        .put("complete", complete)
        .put("messages", JsonValues.encodeAll(messages, Message::toJson));
  }

  public static SyncedRoom fromJson(JsonObject json) {
    return new SyncedRoom(json.getString("roomId"), json.getLong("version", 0L), json.getBoolean("complete", true),
        JsonValues.decodeAll(json.getJsonArray("messages"), Message::fromJson));
  }
}
