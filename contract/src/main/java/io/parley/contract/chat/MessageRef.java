package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A request about one message: {@code {messageId}} (delete). */
public record MessageRef(String messageId) {

  public static final Codec<MessageRef> CODEC = Codec.of(MessageRef::toJson, MessageRef::parse);

  public JsonObject toJson() {
    return new JsonObject().put("messageId", messageId);
  }

  public static MessageRef parse(JsonObject json) {
    return of(json.getValue("messageId"));
  }

  /** The message of an untrusted value, such as a path parameter. */
  public static MessageRef of(Object messageId) {
    return new MessageRef(ChatIds.message(messageId));
  }
}
