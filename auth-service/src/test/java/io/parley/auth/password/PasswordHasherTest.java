package io.parley.auth.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Argon2id with the shipped parameters: what is stored, what verifies, and how long one hash takes here. */
@ExtendWith(VertxExtension.class)
class PasswordHasherTest {

  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;

  @Test
  void hashesWithTheOwaspParametersAndVerifies(Vertx vertx) {
    PasswordHasher hasher = new PasswordHasher(vertx, MEMORY_KIB, ITERATIONS, PARALLELISM);
    String hash = Await.result(hasher.hash("violet-anchor-drifts"));

    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertFalse(hash.contains("violet"));
    assertNotEquals(hash, Await.result(hasher.hash("violet-anchor-drifts")), "each hash has its own salt");
    assertTrue(Await.result(hasher.verify("violet-anchor-drifts", hash)));
    assertFalse(Await.result(hasher.verify("violet-anchor-drifts!", hash)));
    assertFalse(Await.result(hasher.verifyDecoy("violet-anchor-drifts")));
  }

  @Test
  void anythingButAHashMadeHereVerifiesNothing(Vertx vertx) {
    PasswordHasher hasher = new PasswordHasher(vertx, MEMORY_KIB, ITERATIONS, PARALLELISM);
    for (String broken : new String[] {"", "plain", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA",
        "$argon2id$v=19$m=19456$%%%$AAAA", "$bcrypt$v=19$m=19456,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$q$a$b"}) {
      assertFalse(hasher.verifyNow("anything", broken), broken);
    }
  }

  /**
   * Measures one hash on this machine, for docs/SECURITY.md; prints it rather than asserting a time, which
   * would depend on the machine. The median of several runs after a warm-up.
   */
  @Test
  void measuresTheHashTime(Vertx vertx) {
    PasswordHasher hasher = new PasswordHasher(vertx, MEMORY_KIB, ITERATIONS, PARALLELISM);
    for (int i = 0; i < 3; i++) {
      hasher.hashNow("warm-up-password");
    }
    long[] millis = new long[9];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      String hash = hasher.hashNow("measured-password-" + i);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      assertTrue(hasher.verifyNow("measured-password-" + i, hash));
    }
    Arrays.sort(millis);
    System.out.printf("Argon2id m=%d KiB, t=%d, p=%d: median %d ms, min %d ms, max %d ms over %d hashes%n",
        MEMORY_KIB, ITERATIONS, PARALLELISM, millis[millis.length / 2], millis[0], millis[millis.length - 1],
        millis.length);
  }
}
