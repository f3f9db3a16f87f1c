package io.parley.contract.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of search results ended: the last message's creation time and id, which order every result
 * (newest first, then by id). Clients see it only as the opaque {@link #token()} of {@code "next"}.
 */
public record SearchCursor(long createdAtMillis, String messageId) {

  public static final int TOKEN_MAX_CHARS = 128;
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public String token() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAtMillis + ":" + messageId).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor of a token this service made; null for anything else. */
  public static SearchCursor fromToken(String token) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 1 || !MESSAGE_ID.matcher(decoded.substring(colon + 1)).matches()) {
      return null;
    }
    try {
      return new SearchCursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
