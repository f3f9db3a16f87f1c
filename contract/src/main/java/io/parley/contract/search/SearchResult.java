package io.parley.contract.search;

import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.json.JsonObject;

/**
 * One message found, with its room, and {@code highlight}: a fragment of its text as HTML, every character
 * escaped ({@code &lt;} and the like) but the {@code <mark>...</mark>} around each matched word, so a page may
 * show it without ever running what a message holds.
 */
public record SearchResult(Message message, RoomSummary room, String highlight) {

  public JsonObject toJson() {
    return new JsonObject().put("message", message.toJson()).put("room", room.toJson()).put("highlight", highlight);
  }

  public static SearchResult fromJson(JsonObject json) {
    return new SearchResult(Message.fromJson(json.getJsonObject("message")), RoomSummary.fromJson(json.getJsonObject("room")),
        json.getString("highlight"));
  }
}
