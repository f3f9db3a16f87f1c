package io.parley.auth.password;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}). Hashing
 * is deliberately slow, so it always runs on a worker thread, never on an event loop.
 */
public final class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Vertx vertx;
  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();
  /** Verified against when a username is unknown, so that answer takes as long as a wrong password. */
  private final String decoy;

  public PasswordHasher(Vertx vertx, int memoryKib, int iterations, int parallelism) {
    this.vertx = vertx;
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.decoy = hashNow("decoy-password-" + random.nextLong());
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hashNow(password), false);
  }

  /** True when the password matches; compares in constant time. */
  public Future<Boolean> verify(String password, String encoded) {
    return vertx.executeBlocking(() -> verifyNow(password, encoded), false);
  }

  /** Spends the time of one verification and answers false: for unknown users. */
  public Future<Boolean> verifyDecoy(String password) {
    return verify(password, decoy).map(ignored -> false);
  }

  String hashNow(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** False for a wrong password and for anything that is not a hash made here, never an exception. */
  boolean verifyNow(String password, String encoded) {
    try {
      return matches(password, encoded);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
      return false;
    }
  }

  private static boolean matches(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
    if (parts.length != 6 || !"argon2id".equals(parts[1])) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String param : parts[3].split(",")) {
      String[] kv = param.split("=");
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = derive(password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
