package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** A recorded timeline change, for the other chat-service instances' caches: the message as the change left it. */
public record TimelineChanged(String roomId, long version, Message message) {

  public static final Codec<TimelineChanged> CODEC = Codec.of(TimelineChanged::toJson, TimelineChanged::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("version", version).put("message", message.toJson());
  }

  public static TimelineChanged fromJson(JsonObject json) {
    return new TimelineChanged(json.getString("roomId"), json.getLong("version", 0L),
        Message.fromJson(json.getJsonObject("message")));
  }
}
