package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.auth.DisplayNames;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * A new incoming webhook of a room: {@code {roomId, name}}. The name (1 to 64 characters, cleaned as display
 * names are) is what its messages are shown as sent by.
 */
public record NewWebhook(String roomId, String name) {

  public static final Codec<NewWebhook> CODEC = Codec.of(NewWebhook::toJson, NewWebhook::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("name", name);
  }

  /** The name's rules first ({@code invalid_input}), then the room as {@link ChatIds} checks it. */
  public static NewWebhook parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String name = DisplayNames.name(fields, "name", true, Limits.DISPLAY_NAME_MAX_CHARS);
    fields.throwIfInvalid();
    return new NewWebhook(ChatIds.room(json.getValue("roomId")), name);
  }

  /** The webhook an untrusted body asks for in the room of a path. */
  public static NewWebhook parse(String roomId, JsonObject body) {
    return parse(body.copy().put("roomId", roomId));
  }
}
