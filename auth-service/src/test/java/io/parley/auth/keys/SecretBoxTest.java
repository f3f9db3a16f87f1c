package io.parley.auth.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-factor secrets sealed with AES-GCM: they open for their owner under their key, and nowhere else. */
class SecretBoxTest {

  private static final byte[] SECRET = "twenty bytes secret!".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aSealedSecretOpensForItsOwnerOnly(@TempDir Path dataDir) throws Exception {
    SecretBox box = SecretBox.load("", dataDir);
    String sealed = box.seal(SECRET, "alice");
    assertArrayEquals(SECRET, box.open(sealed, "alice"));
    assertNotEquals(sealed, box.seal(SECRET, "alice"), "a fresh nonce each time");
    assertThrows(IllegalStateException.class, () -> box.open(sealed, "mallory"));

    byte[] altered = Base64.getDecoder().decode(sealed);
    altered[altered.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> box.open(Base64.getEncoder().encodeToString(altered), "alice"));
  }

  @Test
  void theGeneratedKeyIsKeptAndAnotherKeyDoesNotOpen(@TempDir Path dataDir) throws Exception {
    String sealed = SecretBox.load("", dataDir).seal(SECRET, "alice");
    assertArrayEquals(SECRET, SecretBox.load("", dataDir).open(sealed, "alice"), "the key file is read again");
    assertEquals(44, Files.readString(dataDir.resolve(SecretBox.KEY_FILE)).length());

    String other = Base64.getEncoder().encodeToString(new byte[32]);
    assertThrows(IllegalStateException.class, () -> SecretBox.load(other, dataDir).open(sealed, "alice"));
    assertThrows(IllegalArgumentException.class, () -> SecretBox.load("c2hvcnQ=", dataDir));
  }
}
