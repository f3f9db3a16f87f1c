package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** What gateways verify access tokens with: {@code {algorithm, issuer, publicKeyPem}}. */
public record PublicKey(String algorithm, String issuer, String publicKeyPem) {

  public static final Codec<PublicKey> CODEC = Codec.of(PublicKey::toJson, PublicKey::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("algorithm", algorithm).put("issuer", issuer).put("publicKeyPem", publicKeyPem);
  }

  public static PublicKey fromJson(JsonObject json) {
    return new PublicKey(json.getString("algorithm"), json.getString("issuer"), json.getString("publicKeyPem"));
  }
}
