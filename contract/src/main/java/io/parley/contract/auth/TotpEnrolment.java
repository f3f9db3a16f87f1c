package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * The start of two-factor enrolment: {@code {secret, otpauthUri, qrSvg}}. The secret (base32, as authenticator
 * apps take it typed in) is shown this once; {@code qrSvg} is the QR code of {@code otpauthUri} as an SVG
 * document, for an {@code <img>} through a {@code data:} URL.
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrSvg) {

  public static final Codec<TotpEnrolment> CODEC = Codec.of(TotpEnrolment::toJson, TotpEnrolment::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("secret", secret).put("otpauthUri", otpauthUri).put("qrSvg", qrSvg);
  }

  public static TotpEnrolment fromJson(JsonObject json) {
    return new TotpEnrolment(json.getString("secret"), json.getString("otpauthUri"), json.getString("qrSvg"));
  }
}
