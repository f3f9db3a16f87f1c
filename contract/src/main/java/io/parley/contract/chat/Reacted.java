package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;

/** The message after a reaction change, and whether it changed (adding a reaction one has already does not). */
public record Reacted(Message message, boolean changed) {

  public static final Codec<Reacted> CODEC = Codec.of(Reacted::toJson, Reacted::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("message", message.toJson()).put("changed", changed);
  }

  public static Reacted fromJson(JsonObject json) {
    return new Reacted(Message.fromJson(json.getJsonObject("message")), json.getBoolean("changed", false));
  }
}
