package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * Who a valid personal access token speaks for, as auth-service checked it: {@code {userId, role, tokenId,
 * expiresAt?}} with the user's role as stored now and the expiry in epoch milliseconds (absent: none).
 */
public record TokenGrant(String userId, String role, String tokenId, Long expiresAt) {

  public static final Codec<TokenGrant> CODEC = Codec.of(TokenGrant::toJson, TokenGrant::fromJson);

  /** The actor the token's requests are made for: its token id stands where a session id would. */
  public Actor actor() {
    return new Actor(userId, role, tokenId, true);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("userId", userId).put("role", role).put("tokenId", tokenId);
    return JsonValues.putIfPresent(json, "expiresAt", expiresAt);
  }

  public static TokenGrant fromJson(JsonObject json) {
    return new TokenGrant(json.getString("userId"), json.getString("role"), json.getString("tokenId"),
        json.getLong("expiresAt"));
  }
}
