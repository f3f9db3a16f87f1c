package io.parley.gateway.http.file;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parameters of a multipart header: a Content-Type's boundary, a Content-Disposition's name and filename. */
final class HeaderParameters {

  private HeaderParameters() {
  }

  /** {@code ; key=value; key="quoted \"value\""} as a map with lower-case keys. */
  static Map<String, String> parse(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ';' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ';') {
        i++;
      }
      String key = text.substring(keyStart, i).strip().toLowerCase(Locale.ROOT);
      if (i >= n || text.charAt(i) != '=') {
        continue;
      }
      i++;
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ';') {
          value.append(text.charAt(i++));
        }
      }
      if (!key.isEmpty()) {
        params.putIfAbsent(key, key.endsWith("*") ? value.toString().strip() : value.toString());
      }
    }
    return params;
  }

  /** An RFC 8187 value, {@code UTF-8''percent-encoded}. */
  static String extendedValue(String value) {
    int quote = value.indexOf("''");
    String encoded = quote >= 0 ? value.substring(quote + 2) : value;
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return encoded;
    }
  }
}
