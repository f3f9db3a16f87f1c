package io.parley.contract.model;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A service's answer to its health request: it runs, and how its storage is ({@code up}, or {@code none}). */
public record Health(String service, String storage) {

  /** Every service's health operation answers with this, so the codec is written once. */
  public static final Codec<Health> CODEC = Codec.of(Health::toJson, Health::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("service", service).put("storage", storage);
  }

  public static Health fromJson(JsonObject json) {
    return new Health(json.getString("service"), json.getString("storage"));
  }
}
