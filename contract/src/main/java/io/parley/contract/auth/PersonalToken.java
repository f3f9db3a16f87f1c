package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A personal access token as its owner sees it: {@code {id, name, createdAt, expiresAt, lastUsedAt}} (null for
 * no expiry, and for a token never used), with {@code token}, the secret itself, only in the answer that created
 * it: it is stored hashed and cannot be shown again.
 */
public record PersonalToken(String id, String name, String createdAt, String expiresAt, String lastUsedAt,
    String token) {

  /** What every personal access token begins with, so a gateway tells it from an access token at a glance. */
  public static final String PREFIX = "pat_";

  public static final Codec<PersonalToken> CODEC = Codec.of(PersonalToken::toJson, PersonalToken::fromJson);

  public static final Codec<List<PersonalToken>> LIST = Codec.of(
      tokens -> new JsonObject().put("tokens", JsonValues.encodeAll(tokens, PersonalToken::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("tokens"), PersonalToken::fromJson));

  public static boolean looksLikeOne(String credential) {
    return credential != null && credential.startsWith(PREFIX);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("createdAt", createdAt)
        .put("expiresAt", expiresAt)
        .put("lastUsedAt", lastUsedAt);
    return JsonValues.putIfPresent(json, "token", token);
  }

  public static PersonalToken fromJson(JsonObject json) {
    return new PersonalToken(json.getString("id"), json.getString("name"), json.getString("createdAt"),
        json.getString("expiresAt"), json.getString("lastUsedAt"), json.getString("token"));
  }
}
