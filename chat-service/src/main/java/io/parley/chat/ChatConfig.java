package io.parley.chat;

import io.vertx.core.json.JsonObject;

/** chat-service's configuration keys, with their defaults in conf/chat-service.json. */
public record ChatConfig(JsonObject raw, int defaultCapacity) {

  /** Capacity of a room created without one. */
  public static final String DEFAULT_ROOM_CAPACITY = "PARLEY_DEFAULT_ROOM_CAPACITY";

  public static ChatConfig from(JsonObject config) {
    return new ChatConfig(config, config.getInteger(DEFAULT_ROOM_CAPACITY, 1000));
  }
}
