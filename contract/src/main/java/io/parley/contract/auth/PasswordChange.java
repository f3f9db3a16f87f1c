package io.parley.contract.auth;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * A password change: {@code {currentPassword, newPassword}}. Whether the new one is strong enough is
 * auth-service's to judge ({@code weak_password}, the sign-up rules), once the current one is right.
 */
public record PasswordChange(String currentPassword, String newPassword) {

  public static final Codec<PasswordChange> CODEC = Codec.of(PasswordChange::toJson, PasswordChange::parse);

  public JsonObject toJson() {
    return new JsonObject().put("currentPassword", currentPassword).put("newPassword", newPassword);
  }

  /** Reads an untrusted change, refusing it with {@code invalid_input} listing every broken rule. */
  public static PasswordChange parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String current = fields.requiredString("currentPassword", 1, Limits.PASSWORD_MAX_CHARS);
    String next = fields.requiredString("newPassword", 1, Integer.MAX_VALUE);
    fields.throwIfInvalid();
    return new PasswordChange(current, next);
  }
}
