package io.parley.chat.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A webhook's secret: 256 random bits in its url, kept only as its SHA-256 (a fast hash is enough for a secret
 * nobody chose: finding one from its hash is as hard as guessing it). A secret given is checked by comparing
 * hashes in constant time, and an unknown hook is compared against a stand-in, so no answer comes sooner for one.
 */
final class HookSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 32;
  /** What an unknown hook's secret is compared with: no secret hashes to it that anyone can find. */
  private static final byte[] STAND_IN = new byte[32];

  private HookSecrets() {
  }

  /** A new secret, base64url without padding ({@link io.parley.contract.chat.Webhook#SECRET_CHARS} characters). */
  static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  /** Whether the secret is the one stored as {@code storedHash}; false for a hook not found (null). */
  static boolean matches(String secret, String storedHash) {
    byte[] expected = storedHash == null ? STAND_IN : HexFormat.of().parseHex(storedHash);
    return MessageDigest.isEqual(sha256(secret), expected) && storedHash != null;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
