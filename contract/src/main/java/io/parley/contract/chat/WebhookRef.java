package io.parley.contract.chat;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** One incoming webhook of a room, to remove: {@code {roomId, hookId}}. */
public record WebhookRef(String roomId, String hookId) {

  public static final Codec<WebhookRef> CODEC = Codec.of(WebhookRef::toJson, WebhookRef::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("hookId", hookId);
  }

  /** The room is checked first, as {@link ChatIds} says; a hook id that cannot be an id names nothing. */
  public static WebhookRef parse(JsonObject json) {
    String roomId = ChatIds.room(json.getValue("roomId"));
    if (!Ids.looksValid(json.getValue("hookId"))) {
      throw notFound();
    }
    return new WebhookRef(roomId, json.getString("hookId"));
  }

  /** The webhook a path names ({@code /rooms/{id}/webhooks/{hookId}}). */
  public static WebhookRef of(String roomId, String hookId) {
    return parse(new JsonObject().put("roomId", roomId).put("hookId", hookId));
  }

  /** The one answer for a webhook that is not there, whatever the reason. */
  public static ServiceError notFound() {
    return ServiceError.notFound("Webhook");
  }
}
