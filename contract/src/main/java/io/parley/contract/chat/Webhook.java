package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An incoming webhook of a room as its owners see it: {@code {id, roomId, name, createdBy, createdAt,
 * lastUsedAt}} (null for a hook never used), with {@code secret}, the part of its url that lets one post, only
 * in the answer that created it: it is stored as its SHA-256 and cannot be shown again.
 */
public record Webhook(String id, String roomId, String name, String createdBy, String createdAt,
    String lastUsedAt, String secret) {

  /** A secret is 32 random bytes, base64url without padding. */
  public static final int SECRET_CHARS = 43;

  public static final Codec<Webhook> CODEC = Codec.of(Webhook::toJson, Webhook::fromJson);

  public static final Codec<List<Webhook>> LIST = Codec.of(
      hooks -> new JsonObject().put("webhooks", JsonValues.encodeAll(hooks, Webhook::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("webhooks"), Webhook::fromJson));

  /** The path of the url that posts as this hook: {@code /hooks/<id>/<secret>}; with its secret only. */
  public String path() {
    if (secret == null) {
      throw new IllegalStateException("a webhook's url is known only when it is made");
    }
    return "/hooks/" + id + "/" + secret;
  }

  public Webhook withoutSecret() {
    return new Webhook(id, roomId, name, createdBy, createdAt, lastUsedAt, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("roomId", roomId)
        .put("name", name)
        .put("createdBy", createdBy)
        .put("createdAt", createdAt)
        .put("lastUsedAt", lastUsedAt);
    return JsonValues.putIfPresent(json, "secret", secret);
  }

  public static Webhook fromJson(JsonObject json) {
    return new Webhook(json.getString("id"), json.getString("roomId"), json.getString("name"),
        json.getString("createdBy"), json.getString("createdAt"), json.getString("lastUsedAt"),
        json.getString("secret"));
  }
}
