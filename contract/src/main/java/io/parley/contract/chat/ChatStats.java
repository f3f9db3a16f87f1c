package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** chat-service's figures for the admin panel: {@code {rooms, messages}}. */
public record ChatStats(long rooms, long messages) {

  public static final Codec<ChatStats> CODEC = Codec.of(ChatStats::toJson, ChatStats::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("rooms", rooms).put("messages", messages);
  }

  public static ChatStats fromJson(JsonObject json) {
    return new ChatStats(json.getLong("rooms", 0L), json.getLong("messages", 0L));
  }
}
