package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * Whether the caller's two-factor sign-in is on, whether an enrolment awaits its confirming code, and how many
 * recovery codes are left: {@code {enabled, pending, recoveryCodesLeft}}. Never the secret.
 */
public record TwoFactorStatus(boolean enabled, boolean pending, int recoveryCodesLeft) {

  public static final Codec<TwoFactorStatus> CODEC = Codec.of(TwoFactorStatus::toJson, TwoFactorStatus::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("pending", pending)
        .put("recoveryCodesLeft", recoveryCodesLeft);
  }

  public static TwoFactorStatus fromJson(JsonObject json) {
    return new TwoFactorStatus(json.getBoolean("enabled", false), json.getBoolean("pending", false),
        json.getInteger("recoveryCodesLeft", 0));
  }
}
