package io.parley.auth.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them with the parameters authenticator apps assume: HMAC-SHA-1
 * (the JDK's), 30-second steps from the Unix epoch, six digits. The code of a step is RFC 4226's HOTP of the
 * step number; this class is those few lines and nothing more.
 */
public final class Totp {

  public static final long STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  /** Codes one step early or late are accepted too: clocks drift, and people type slowly. */
  public static final int WINDOW_STEPS = 1;

  private Totp() {
  }

  /** The step a moment falls in. */
  public static long step(long epochMillis) {
    return Math.floorDiv(epochMillis / 1000, STEP_SECONDS);
  }

  /** The code of one step, {@code digits} long (RFC 4226, section 5.3). */
  public static String code(byte[] key, long step, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
    int modulus = (int) Math.pow(10, digits);
    return String.format("%0" + digits + "d", binary % modulus);
  }

  /**
   * The step within the window around {@code now} whose code this is and which is later than {@code lastUsedStep}
   * (so a code is accepted once), or -1. Codes are compared in constant time.
   */
  public static long matchingStep(byte[] key, String code, long nowMillis, long lastUsedStep) {
    long current = step(nowMillis);
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long found = -1;
    for (long step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
      boolean same = MessageDigest.isEqual(given, code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII));
      if (same && step > lastUsedStep && found < 0) {
        found = step;
      }
    }
    return found;
  }
}
