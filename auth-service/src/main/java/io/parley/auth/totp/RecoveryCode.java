package io.parley.auth.totp;

import io.parley.auth.keys.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: ten per enrolment, each 80 random bits written as four groups of four base32 characters
 * ({@code abcd-efgh-ijkl-mnop}). Only their SHA-256 is stored; each signs in once.
 */
final class RecoveryCode {

  static final int COUNT = 10;
  private static final int BYTES = 10;
  private static final int GROUP = 4;

  private RecoveryCode() {
  }

  static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      String plain = Base32.encode(Secrets.randomBytes(BYTES)).toLowerCase(Locale.ROOT);
      StringBuilder grouped = new StringBuilder();
      for (int at = 0; at < plain.length(); at += GROUP) {
        grouped.append(at == 0 ? "" : "-").append(plain, at, at + GROUP);
      }
      codes.add(grouped.toString());
    }
    return codes;
  }

  /** What is stored of a code as given or as typed: dashes, spaces and case do not matter. */
  static String hash(String typed) {
    return Secrets.sha256(typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
  }

  /** Whether a typed code is an authenticator app's six digits (spaces allowed) rather than a recovery code. */
  static String asTotpDigits(String typed) {
    String digits = typed.replaceAll("\\s", "");
    return digits.matches("\\d{" + Totp.DIGITS + "}") ? digits : null;
  }
}
