package io.parley.auth.token;

import io.parley.contract.auth.PublicKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/** Signs short-lived ES256 access tokens with claims {@code sub}, {@code role} and {@code sid}. */
public final class TokenIssuer {

  public static final String ISSUER = "parley";
  public static final String ALGORITHM = "ES256";

  private final JWTAuth jwt;
  private final int ttlSeconds;
  private final PublicKey publicKey;

  public TokenIssuer(Vertx vertx, SigningKeys keys, int ttlSeconds) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.privateKeyPem()))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.publicKeyPem())));
    this.ttlSeconds = ttlSeconds;
    this.publicKey = new PublicKey(ALGORITHM, ISSUER, keys.publicKeyPem());
  }

  public String accessToken(String userId, String role, String sessionId) {
    JsonObject claims = new JsonObject().put("sub", userId).put("role", role).put("sid", sessionId);
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setIssuer(ISSUER)
        .setExpiresInSeconds(ttlSeconds));
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  /** What gateways verify these tokens with. */
  public PublicKey publicKey() {
    return publicKey;
  }
}
