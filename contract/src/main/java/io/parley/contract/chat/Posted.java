package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/**
 * A sent message, and whether this request made it: {@code created} is false when the sender's clientMsgId had
 * made a message already, which is then the message.
 */
public record Posted(Message message, boolean created) {

  public static final Codec<Posted> CODEC = Codec.of(Posted::toJson, Posted::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("message", message.toJson()).put("created", created);
  }

  public static Posted fromJson(JsonObject json) {
    return new Posted(Message.fromJson(json.getJsonObject("message")), json.getBoolean("created", false));
  }
}
