package io.parley.contract.auth;

/** Display names are shown to everyone: trimmed, and free of control and invisible formatting characters. */
final class DisplayNames {

  private DisplayNames() {
  }

  static String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }
}
