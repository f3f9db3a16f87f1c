package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A service's answer to its health request: it runs, and how its storage is ({@code up}, or {@code none}). */
public record Health(String service, String storage) {

  public JsonObject toJson() {
    return new JsonObject().put("service", service).put("storage", storage);
  }

  public static Health fromJson(JsonObject json) {
    return new Health(json.getString("service"), json.getString("storage"));
  }
}
