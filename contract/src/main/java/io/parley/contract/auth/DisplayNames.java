package io.parley.contract.auth;

import io.parley.contract.RequestFields;

/**
 * Names and statuses are shown to everyone: trimmed, and free of control and invisible formatting characters
 * (a right-to-left override could make a name read as another). Statuses keep the zero-width joiner, which
 * emoji sequences such as a family or a profession need.
 */
public final class DisplayNames {

  /** Raw values may carry whitespace and invisible characters that cleaning removes. */
  public static final int RAW_MAX_CHARS = 1000;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private DisplayNames() {
  }

  public static String clean(String raw) {
    return clean(raw, false);
  }

  static String cleanStatus(String raw) {
    return clean(raw, true);
  }

  /**
   * A name others are shown (a token's, a webhook's): the field cleaned, then 1 to {@code maxChars} characters;
   * null when it is absent or refused (the refusal recorded in {@code fields}).
   */
  public static String name(RequestFields fields, String field, boolean required, int maxChars) {
    String raw = required
        ? fields.requiredString(field, 1, RAW_MAX_CHARS)
        : fields.optionalString(field, 1, RAW_MAX_CHARS);
    String name = raw == null ? null : clean(raw);
    if (name != null && (name.isEmpty() || length(name) > maxChars)) {
      fields.reject(field, "must be 1 to " + maxChars + " visible characters");
      return null;
    }
    return name;
  }

  private static String clean(String raw, boolean keepJoiners) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints()
        .filter(cp -> !Character.isISOControl(cp)
            && (Character.getType(cp) != Character.FORMAT || keepJoiners && cp == ZERO_WIDTH_JOINER))
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
