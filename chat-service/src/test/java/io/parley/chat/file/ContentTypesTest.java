package io.parley.chat.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stored types come from a file's bytes, never from what the uploader declared. */
class ContentTypesTest {

  @Test
  void imagesAreRecognisedByTheirFirstBytesWhateverTheyClaim() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("image/png", ContentTypes.safeType(ContentTypes.sniff(png), "text/html"));
    assertEquals("image/jpeg", ContentTypes.safeType(ContentTypes.sniff(jpeg), null));
    assertEquals("image/gif", ContentTypes.safeType(ContentTypes.sniff(bytes("GIF89a....")), "image/png"));
    assertEquals("image/webp", ContentTypes.safeType(ContentTypes.sniff(webp), "application/octet-stream"));
    assertEquals("application/pdf", ContentTypes.safeType(ContentTypes.sniff(bytes("%PDF-1.4")), "image/png"));
    assertTrue(ContentTypes.isInline("image/webp"));
    assertFalse(ContentTypes.isInline("application/pdf"));
  }

  @Test
  void everythingElseIsBytesToDownloadExceptDeclaredPlainText() {
    assertEquals("application/octet-stream", typeOf("<html>", "text/html"));
    assertEquals("application/octet-stream", typeOf("<svg/>", "image/svg+xml"));
    assertEquals("application/octet-stream", typeOf("<html>", "image/png"));
    assertEquals("text/plain", typeOf("caf\u00e9", "Text/Plain; charset=UTF-8"));
    assertEquals("application/octet-stream", ContentTypes.safeType(ContentTypes.sniff(new byte[] {'a', 0, 'b'}),
        "text/plain"));
    assertEquals("application/octet-stream", ContentTypes.safeType(ContentTypes.sniff(new byte[] {(byte) 0xC3, 'x'}),
        "text/plain"));
    assertFalse(ContentTypes.isInline("image/svg+xml"));
  }

  @Test
  void namesLoseTheirFoldersAndControlCharacters() {
    assertEquals("passwd", ContentTypes.cleanName("../../etc/passwd"));
    assertEquals("x.exe", ContentTypes.cleanName("C:\\Users\\me\\x.exe"));
    assertEquals("ab.txt", ContentTypes.cleanName("a\u0000b\u202e.txt"));
    assertEquals("file", ContentTypes.cleanName(".."));
    assertEquals("file", ContentTypes.cleanName(null));
    assertEquals(255, ContentTypes.cleanName("n".repeat(400)).length());
  }

  private static String typeOf(String content, String declared) {
    return ContentTypes.safeType(ContentTypes.sniff(bytes(content)), declared);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
