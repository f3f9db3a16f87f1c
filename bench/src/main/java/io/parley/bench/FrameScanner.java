package io.parley.bench;

/**
 * Reads a few top-level fields out of a server frame without decoding all of it: at hundreds of thousands of
 * frames a second a full JSON parse would make the load generator, not the server, the bottleneck. It relies on
 * the servers writing {@code type}, {@code roomId} and {@code version} before the nested message, and on ids
 * never containing escaped characters.
 */
public final class FrameScanner {

  private FrameScanner() {
  }

  /** The first string value of {@code field}, or null when absent. */
  public static String string(String frame, String field) {
    String key = "\"" + field + "\":\"";
    int start = frame.indexOf(key);
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = frame.indexOf('"', start);
    return end < 0 ? null : frame.substring(start, end);
  }

  /** The first non-negative integer value of {@code field}, or -1 when absent. */
  public static long number(String frame, String field) {
    String key = "\"" + field + "\":";
    int at = frame.indexOf(key);
    if (at < 0) {
      return -1;
    }
    long value = 0;
    boolean any = false;
    for (int i = at + key.length(); i < frame.length(); i++) {
      char c = frame.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
      any = true;
    }
    return any ? value : -1;
  }
}
