package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;

/** The answer to a login or a refresh: {@code {accessToken, refreshToken, expiresIn, user}}. */
public record TokenPair(String accessToken, String refreshToken, int expiresIn, User user) {

  public static final Codec<TokenPair> CODEC = Codec.of(TokenPair::toJson, TokenPair::fromJson);

  public JsonObject toJson() {
    return new JsonObject()
        .put("accessToken", accessToken)
        .put("refreshToken", refreshToken)
        .put("expiresIn", expiresIn)
        .put("user", user.toJson());
  }

  public static TokenPair fromJson(JsonObject json) {
    return new TokenPair(json.getString("accessToken"), json.getString("refreshToken"),
        json.getInteger("expiresIn", 0), User.fromJson(json.getJsonObject("user", new JsonObject())));
  }
}
