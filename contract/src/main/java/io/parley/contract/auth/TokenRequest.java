package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A new personal access token: {@code {name, expiresInDays?}}. The name (1 to 64 characters, cleaned as display
 * names are) says what it is for; without {@code expiresInDays} (1 to 365) it lasts until revoked.
 */
public record TokenRequest(String name, Integer expiresInDays) {

  public static final int NAME_MAX_CHARS = 64;
  public static final int MAX_DAYS = 365;

  public static final Codec<TokenRequest> CODEC = Codec.of(TokenRequest::toJson, TokenRequest::parse);

  public JsonObject toJson() {
    return JsonValues.putIfPresent(new JsonObject().put("name", name), "expiresInDays", expiresInDays);
  }

  public static TokenRequest parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String name = DisplayNames.name(fields, "name", true, NAME_MAX_CHARS);
    Long days = fields.optionalLong("expiresInDays", 1, MAX_DAYS);
    fields.throwIfInvalid();
    return new TokenRequest(name, days == null ? null : days.intValue());
  }
}
