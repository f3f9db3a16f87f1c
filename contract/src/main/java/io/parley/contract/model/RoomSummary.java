package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A room as named beside something found in it, such as a search result, a mention or a followed thread: {@code {id, name, type}}. */
public record RoomSummary(String id, String name, String type) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("type", type);
  }

  public static RoomSummary fromJson(JsonObject json) {
    return new RoomSummary(json.getString("id"), json.getString("name"), json.getString("type"));
  }
}
