package io.parley.gateway;

import io.parley.auth.totp.Base32;
import io.parley.auth.totp.Totp;

/**
 * What a phone's authenticator app does with an enrolment's secret: six digits for a 30-second step. Codes are
 * made a few seconds away from a step's edge, so the server sees the step the test meant.
 */
final class AuthenticatorApp {

  private static final long EDGE_MS = 3_000;

  private final byte[] secret;

  AuthenticatorApp(String base32Secret) {
    this.secret = Base32.decode(base32Secret);
  }

  /** The code of the current step moved by {@code offset} steps (-1: the previous code, 1: the next). */
  String code(int offset) {
    long stepMs = Totp.STEP_SECONDS * 1000;
    long intoStep = System.currentTimeMillis() % stepMs;
    if (intoStep > stepMs - EDGE_MS) {
      Eventually.sleep(stepMs - intoStep + 100);
    }
    return Totp.code(secret, Totp.step(System.currentTimeMillis()) + offset, Totp.DIGITS);
  }

  /** Six digits that are none of the codes the server would accept now. */
  String wrongCode() {
    java.util.Set<String> valid = java.util.Set.of(code(-1), code(0), code(1));
    return valid.contains("000000") ? "999999" : "000000";
  }
}
