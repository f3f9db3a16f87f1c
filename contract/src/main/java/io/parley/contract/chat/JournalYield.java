package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A chat-service instance that keeps losing the race to write a room's journal asks the others to hold back. */
public record JournalYield(String roomId, String instance, long holdMs) {

  public static final Codec<JournalYield> CODEC = Codec.of(JournalYield::toJson, JournalYield::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("instance", instance).put("holdMs", holdMs);
  }

  public static JournalYield fromJson(JsonObject json) {
    return new JournalYield(json.getString("roomId"), json.getString("instance"), json.getLong("holdMs", 0L));
  }
}
