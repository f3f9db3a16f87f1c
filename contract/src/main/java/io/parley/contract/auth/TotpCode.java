package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A code from an authenticator app, confirming enrolment: {@code {code}}. */
public record TotpCode(String code) {

  /** A six-digit code or a recovery code, with whatever spaces and dashes a person types. */
  static final int CODE_MAX_CHARS = 64;

  public static final Codec<TotpCode> CODEC = Codec.of(TotpCode::toJson, TotpCode::parse);

  public JsonObject toJson() {
    return new JsonObject().put("code", code);
  }

  public static TotpCode parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String code = fields.requiredString("code", 1, CODE_MAX_CHARS);
    fields.throwIfInvalid();
    return new TotpCode(code);
  }
}
