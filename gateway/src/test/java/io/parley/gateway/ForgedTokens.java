package io.parley.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Access tokens an attacker could make, built here from a real token's claims. */
final class ForgedTokens {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private ForgedTokens() {
  }

  static JsonObject claimsOf(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  /** The same claims with {@code "alg":"none"} and no signature. */
  static String unsigned(String realToken) {
    return encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(claimsOf(realToken)) + ".";
  }

  /** The real header and signature over a payload with one claim changed. */
  static String tampered(String realToken, String claim, Object value) {
    String[] parts = realToken.split("\\.");
    return parts[0] + "." + encode(claimsOf(realToken).put(claim, value)) + "." + parts[2];
  }

  /** Well-formed ES256 over the given claims, signed by a key Parley never saw. */
  static String signedByAnotherKey(Vertx vertx, JsonObject claims) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      return signedWith(vertx, "ES256", pem, claims);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** HS256 with the public key's PEM as the HMAC secret: the classic algorithm-confusion forgery. */
  static String hmacWithPublicKey(Vertx vertx, String publicKeyPem, JsonObject claims) {
    JWTAuth hmac = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(publicKeyPem)));
    return hmac.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  /** Signed with the given PEM; the claims' own {@code exp} and {@code iat} are kept as they are. */
  static String signedWith(Vertx vertx, String algorithm, String privatePem, JsonObject claims) {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(privatePem)));
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm(algorithm));
  }

  private static String encode(JsonObject json) {
    return B64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
