package io.parley.contract.auth;

/**
 * Names and statuses are shown to everyone: trimmed, and free of control and invisible formatting characters
 * (a right-to-left override could make a name read as another). Statuses keep the zero-width joiner, which
 * emoji sequences such as a family or a profession need.
 */
final class DisplayNames {

  /** Raw values may carry whitespace and invisible characters that cleaning removes. */
  static final int RAW_MAX_CHARS = 1000;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private DisplayNames() {
  }

  static String clean(String raw) {
    return clean(raw, false);
  }

  static String cleanStatus(String raw) {
    return clean(raw, true);
  }

  private static String clean(String raw, boolean keepJoiners) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints()
        .filter(cp -> !Character.isISOControl(cp)
            && (Character.getType(cp) != Character.FORMAT || keepJoiners && cp == ZERO_WIDTH_JOINER))
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
