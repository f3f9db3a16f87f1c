package io.parley.chat.file;

import io.parley.contract.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a stored file is served as. The type a client declares is never trusted: images are recognised by
 * their first bytes, and anything not recognised is {@code application/octet-stream}. Only the raster image
 * types may be shown inline; SVG, HTML and the like are bytes to download.
 */
public final class ContentTypes {

  public static final String OCTET_STREAM = "application/octet-stream";
  public static final String TEXT = "text/plain";
  static final String PDF = "application/pdf";
  /** What the first bytes say a file is: one of the types above, "text", or null. */
  static final String LOOKS_LIKE_TEXT = "text";
  private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private ContentTypes() {
  }

  /** Recognises a file by its first bytes. */
  static String sniff(byte[] head) {
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
      return "image/gif";
    }
    if (head.length >= 12 && startsWith(head, 'R', 'I', 'F', 'F')
        && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
      return "image/webp";
    }
    if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
      return PDF;
    }
    return isText(head) ? LOOKS_LIKE_TEXT : null;
  }

  /** The type a file is stored and served as. */
  static String safeType(String sniffed, String declaredType) {
    if (sniffed == null) {
      return OCTET_STREAM;
    }
    if (INLINE.contains(sniffed) || PDF.equals(sniffed)) {
      return sniffed;
    }
    String declared = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return LOOKS_LIKE_TEXT.equals(sniffed) && TEXT.equals(declared) ? TEXT : OCTET_STREAM;
  }

  /** Whether a stored type may be shown in the page rather than downloaded. */
  public static boolean isInline(String contentType) {
    return INLINE.contains(contentType);
  }

  /** A file name fit to store and show: no folders, no control characters, not too long, never empty. */
  static String cleanName(String name) {
    String base = name == null ? "" : name;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    StringBuilder clean = new StringBuilder();
    base.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .limit(Limits.FILE_NAME_MAX_CHARS)
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    return result.isEmpty() || result.equals(".") || result.equals("..") ? "file" : result;
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 without NUL bytes; a sequence cut at the end of the sample does not count against it. */
  private static boolean isText(byte[] head) {
    byte[] sample = Arrays.copyOf(head, Math.min(head.length, 8192));
    for (byte b : sample) {
      if (b == 0) {
        return false;
      }
    }
    int end = sample.length;
    for (int back = 0; back < 3 && end > 0 && (sample[end - 1] & 0xC0) == 0x80; back++) {
      end--;
    }
    if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(sample, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
