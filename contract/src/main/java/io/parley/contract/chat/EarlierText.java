package io.parley.contract.chat;

import io.vertx.core.json.JsonObject;

/** One earlier text of an edited message, and when an edit replaced it: {@code {text, editedAt}}. */
public record EarlierText(String text, String editedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("text", text).put("editedAt", editedAt);
  }

  public static EarlierText fromJson(JsonObject json) {
    return new EarlierText(json.getString("text"), json.getString("editedAt"));
  }
}
