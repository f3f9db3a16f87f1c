package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A room named beside a message found elsewhere than in its room (mentions, threads): {@code {id, name, type}}. */
public record RoomSummary(String id, String name, String type) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("type", type);
  }

  public static RoomSummary fromJson(JsonObject json) {
    return new RoomSummary(json.getString("id"), json.getString("name"), json.getString("type"));
  }
}
