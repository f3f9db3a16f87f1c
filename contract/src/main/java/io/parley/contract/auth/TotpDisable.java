package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** Turning two-factor sign-in off: {@code {password, code}}, the code a current one or an unused recovery code. */
public record TotpDisable(String password, String code) {

  public static final Codec<TotpDisable> CODEC = Codec.of(TotpDisable::toJson, TotpDisable::parse);

  public JsonObject toJson() {
    return new JsonObject().put("password", password).put("code", code);
  }

  public static TotpDisable parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    String code = fields.requiredString("code", 1, TotpCode.CODE_MAX_CHARS);
    fields.throwIfInvalid();
    return new TotpDisable(password, code);
  }
}
