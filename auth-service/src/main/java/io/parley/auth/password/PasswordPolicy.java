package io.parley.auth.password;

import io.parley.contract.FieldError;
import io.parley.contract.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contract's password rules. Every rule a password breaks is reported, so a user fixes them at once.
 * Commonly used passwords come from passwords/common-passwords.txt (source and licence in SOURCE.md beside it).
 */
public final class PasswordPolicy {

  public static final int MIN_CHARS = 10;
  private static final String COMMON_LIST = "/passwords/common-passwords.txt";

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  public static PasswordPolicy loadDefault() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + COMMON_LIST);
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return new PasswordPolicy(Set.copyOf(words));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int commonCount() {
    return common.size();
  }

  public List<FieldError> check(String password, String username) {
    List<FieldError> broken = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_CHARS) {
      broken.add(new FieldError("password", "must be at least " + MIN_CHARS + " characters"));
    }
    if (length > Limits.PASSWORD_MAX_CHARS) {
      broken.add(new FieldError("password", "must be at most " + Limits.PASSWORD_MAX_CHARS + " characters"));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      broken.add(new FieldError("password", "is a commonly used password"));
    }
    if (username != null && !username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
      broken.add(new FieldError("password", "must not contain the username"));
    }
    return broken;
  }
}
