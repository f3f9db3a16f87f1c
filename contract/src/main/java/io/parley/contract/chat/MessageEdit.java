package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A message's new text, by its sender: {@code {messageId, text}}. */
public record MessageEdit(String messageId, String text) {

  public static final Codec<MessageEdit> CODEC = Codec.of(MessageEdit::toJson, MessageEdit::parse);

  public JsonObject toJson() {
    return new JsonObject().put("messageId", messageId).put("text", text);
  }

  /** The text's rules first ({@code invalid_input}), then the message id. */
  public static MessageEdit parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String text = MessageTexts.read(fields, true);
    fields.throwIfInvalid();
    return new MessageEdit(ChatIds.message(json.getValue("messageId")), text);
  }

  /** The edit of an untrusted body ({@code {text}}) to the message of a path. */
  public static MessageEdit parse(String messageId, JsonObject body) {
    return parse(new JsonObject().put("messageId", messageId).put("text", body.getValue("text")));
  }
}
