package io.parley.webtests;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a phone's authenticator app does with the key the page shows: RFC 6238 codes (HMAC-SHA-1, 30-second
 * steps, six digits), written here from the RFC rather than taken from the server, so the test checks the server
 * against the standard. Each code is for a step later than the one before, as the server accepts a step once.
 */
final class AuthenticatorApp {

  private static final long STEP_MS = 30_000;
  /** A code made this close to a step's end waits for the next step, so the server sees the step meant. */
  private static final long EDGE_MS = 3_000;

  private final byte[] key;
  private long lastStep = Long.MIN_VALUE;

  AuthenticatorApp(String base32Key) {
    this.key = base32(base32Key);
  }

  /**
   * The code of the current step, or of the step after the last code made if that one is still current (the
   * server accepts a step one ahead of its clock).
   */
  String nextCode() {
    long intoStep = System.currentTimeMillis() % STEP_MS;
    if (intoStep > STEP_MS - EDGE_MS) {
      sleep(STEP_MS - intoStep + 100);
    }
    long step = Math.max(System.currentTimeMillis() / STEP_MS, lastStep + 1);
    lastStep = step;
    return code(step);
  }

  /** Six digits that are none of the codes the server would accept now. */
  String wrongCode() {
    long now = System.currentTimeMillis() / STEP_MS;
    java.util.Set<String> valid = java.util.Set.of(code(now - 1), code(now), code(now + 1), code(now + 2));
    return valid.contains("000000") ? "999999" : "000000";
  }

  /** The last code made again, as someone replaying it would send it. */
  String lastCode() {
    return code(lastStep);
  }

  private String code(long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4648 base32, as authenticator apps read a typed key: case and spaces do not matter. */
  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = alphabet.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + text);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
