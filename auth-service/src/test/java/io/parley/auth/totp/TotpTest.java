package io.parley.auth.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's test vectors (Appendix B, SHA-1), and the acceptance window around now. */
class TotpTest {

  /** The RFC's SHA-1 seed: the ASCII of "12345678901234567890". */
  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theRfcsEightDigitCodesForSha1() {
    long[][] vectors = {
        {59L, 94287082}, {1111111109L, 7081804}, {1111111111L, 14050471},
        {1234567890L, 89005924}, {2000000000L, 69279037}, {20000000000L, 65353130}};
    for (long[] vector : vectors) {
      long step = Totp.step(vector[0] * 1000);
      assertEquals(String.format("%08d", vector[1]), Totp.code(SEED, step, 8), "T = " + vector[0]);
    }
    assertEquals(0x273EF07L, Totp.step(1234567890_000L), "the RFC's step for 1234567890");
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcsEight() {
    assertEquals("287082", Totp.code(SEED, Totp.step(59_000), 6));
    assertEquals("081804", Totp.code(SEED, Totp.step(1111111109_000L), 6), "leading zeros are kept");
  }

  @Test
  void aCodeIsAcceptedOneStepEarlyOrLateAndOnlyOnce() {
    long now = 1234567890_000L;
    long step = Totp.step(now);
    String previous = Totp.code(SEED, step - 1, Totp.DIGITS);
    assertEquals(step - 1, Totp.matchingStep(SEED, previous, now, 0));
    assertEquals(step + 1, Totp.matchingStep(SEED, Totp.code(SEED, step + 1, 6), now, 0));
    assertEquals(-1, Totp.matchingStep(SEED, Totp.code(SEED, step - 2, 6), now, 0), "expired");
    assertEquals(-1, Totp.matchingStep(SEED, Totp.code(SEED, step + 2, 6), now, 0), "too early");
    assertEquals(-1, Totp.matchingStep(SEED, previous, now, step - 1), "used already");
  }

  @Test
  void base32IsRfc4648() {
    assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SEED));
    assertArrayEquals(SEED, Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    assertThrows(IllegalArgumentException.class, () -> Base32.decode("not-base32!"));
  }

  @Test
  void recoveryCodesAreTenDistinctAndTypedLooselyStillMatch() {
    var codes = RecoveryCode.generate();
    assertEquals(10, codes.stream().distinct().count());
    String code = codes.get(0);
    assertEquals(19, code.length());
    assertEquals(RecoveryCode.hash(code), RecoveryCode.hash(" " + code.replace("-", " ").toUpperCase() + " "));
    assertEquals(null, RecoveryCode.asTotpDigits(code));
    assertEquals("123456", RecoveryCode.asTotpDigits("123 456"));
  }
}
