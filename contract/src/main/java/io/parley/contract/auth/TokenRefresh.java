package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A refresh: {@code {refreshToken}}, exchanged for a new pair; the token given stops working. */
public record TokenRefresh(String refreshToken) {

  private static final int REFRESH_TOKEN_MAX_CHARS = 512;

  public static final Codec<TokenRefresh> CODEC = Codec.of(TokenRefresh::toJson, TokenRefresh::parse);

  public JsonObject toJson() {
    return new JsonObject().put("refreshToken", refreshToken);
  }

  /** Reads an untrusted refresh, refusing it with {@code invalid_input}; fields other than the token are ignored. */
  public static TokenRefresh parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String refreshToken = fields.requiredString("refreshToken", 1, REFRESH_TOKEN_MAX_CHARS);
    fields.throwIfInvalid();
    return new TokenRefresh(refreshToken);
  }
}
