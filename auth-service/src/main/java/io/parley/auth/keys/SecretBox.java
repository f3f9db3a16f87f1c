package io.parley.auth.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets kept in the store (two-factor secrets) with AES-256-GCM, so a copy of the database
 * alone does not give them away. Each sealed value has its own random 96-bit nonce and is bound to its owner
 * (authenticated data), so a value copied into another user's record does not open. The key comes from
 * configuration or, like the token signing key, from a file generated once into the data folder.
 */
public final class SecretBox {

  static final String KEY_FILE = "totp-aes256.key";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the two-factor encryption key must be " + KEY_BYTES + " bytes, base64");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The configured key (base64 of 32 bytes), or the data folder's. Blocking: call it on a worker thread. */
  public static SecretBox load(String configuredBase64, Path dataDir) throws Exception {
    String base64 = configuredBase64 != null && !configuredBase64.isBlank() ? configuredBase64
        : KeyFile.readOrCreate(dataDir, KEY_FILE, () -> Base64.getEncoder().encodeToString(
            Secrets.randomBytes(KEY_BYTES)));
    return new SecretBox(Base64.getDecoder().decode(base64.strip()));
  }

  /** {@code base64(nonce || ciphertext || tag)}. */
  public String seal(byte[] plain, String owner) {
    byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plain, owner);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
        .put(nonce).put(sealed).array());
  }

  /** The plain bytes; fails for a value altered, sealed under another key or for another owner. */
  public byte[] open(String sealed, String owner) {
    byte[] all = Base64.getDecoder().decode(sealed);
    byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
    byte[] body = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return run(Cipher.DECRYPT_MODE, nonce, body, owner);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input, String owner) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed secret did not open: wrong key, owner or altered value", e);
    }
  }
}
