package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** What a pinned message carries as {@code pinned}: who pinned it and when. */
public record Pin(String by, String at) {

  public JsonObject toJson() {
    return new JsonObject().put("by", by).put("at", at);
  }

  public static Pin fromJson(JsonObject json) {
    return json == null ? null : new Pin(json.getString("by"), json.getString("at"));
  }
}
