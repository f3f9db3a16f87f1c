package io.parley.gateway.http.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader gives the same parts however the body is cut into pieces. */
class MultipartReaderTest {

  private static final String TYPE = "multipart/form-data; boundary=\"XyZ\"";

  /** Everything a reader reported, as text. */
  private static final class Recorded implements MultipartReader.Parts {
    final List<String> events = new ArrayList<>();
    Buffer file;

    @Override
    public void field(String name, String value) {
      events.add("field " + name + "=" + value);
    }

    @Override
    public void fileStart(String field, String filename, String contentType) {
      events.add("file " + field + " " + filename + " " + contentType);
      file = Buffer.buffer();
    }

    @Override
    public void fileData(Buffer data) {
      file.appendBuffer(data);
    }

    @Override
    public void fileEnd() {
      events.add("end " + file.length());
    }
  }

  @Test
  void partsComeOutTheSameForEveryWayOfCuttingTheBody() throws Exception {
    byte[] content = new byte[5000];
    new Random(1).nextBytes(content);
    Buffer fileBytes = Buffer.buffer("\r\n--XyA is not the boundary\r\n-").appendBytes(content)
        .appendString("\r\n--Xy");
    Buffer body = Buffer.buffer("preamble to ignore\r\n--XyZ\r\n")
        .appendString("Content-Disposition: form-data; name=\"roomId\"\r\n\r\nroom-1\r\n--XyZ  \r\n")
        .appendString("content-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".png\"\r\n")
        .appendString("Content-Type: image/png\r\n\r\n")
        .appendBuffer(fileBytes)
        .appendString("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nh\u00e9")
        .appendString("\r\n--XyZ--\r\nepilogue");
    List<String> expected = List.of("field roomId=room-1", "file file a \"b\".png image/png",
        "end " + fileBytes.length(), "field note=h\u00e9");

    for (int piece : new int[] {1, 2, 3, 7, 64, 1000, body.length()}) {
      Recorded parts = new Recorded();
      MultipartReader reader = MultipartReader.forContentType(TYPE, parts);
      for (int at = 0; at < body.length(); at += piece) {
        reader.feed(body.getBuffer(at, Math.min(body.length(), at + piece)));
      }
      reader.end();
      assertEquals(expected, parts.events, "pieces of " + piece);
      assertEquals(fileBytes, parts.file, "pieces of " + piece);
    }
  }

  @Test
  void anExtendedFilenameAndAnEmptyFileAreRead() throws Exception {
    Recorded parts = new Recorded();
    MultipartReader reader = MultipartReader.forContentType("multipart/form-data; boundary=b", parts);
    reader.feed(Buffer.buffer("--b\r\nContent-Disposition: form-data; name=file; filename=\"x\"; "
        + "filename*=UTF-8''%C3%A9t%C3%A9.txt\r\n\r\n\r\n--b--"));
    reader.end();
    assertEquals(List.of("file file \u00e9t\u00e9.txt null", "end 0"), parts.events);
  }

  @Test
  void whatIsNotMultipartIsRefused() throws Exception {
    assertNull(MultipartReader.forContentType("application/json", new Recorded()));
    assertNull(MultipartReader.forContentType("multipart/form-data", new Recorded()));
    assertNull(MultipartReader.forContentType(null, new Recorded()));

    MultipartReader unfinished = MultipartReader.forContentType(TYPE, new Recorded());
    unfinished.feed(Buffer.buffer("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"));
    assertThrows(MultipartReader.MalformedBody.class, unfinished::end);

    MultipartReader noDisposition = MultipartReader.forContentType(TYPE, new Recorded());
    assertThrows(MultipartReader.MalformedBody.class,
        () -> noDisposition.feed(Buffer.buffer("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--")));

    MultipartReader endlessHeaders = MultipartReader.forContentType(TYPE, new Recorded());
    assertThrows(MultipartReader.MalformedBody.class,
        () -> endlessHeaders.feed(Buffer.buffer("--XyZ\r\nX-Long: " + "h".repeat(9000))));

    MultipartReader bigField = MultipartReader.forContentType(TYPE, new Recorded());
    assertThrows(MultipartReader.MalformedBody.class, () -> bigField.feed(Buffer.buffer(
        "--XyZ\r\nContent-Disposition: form-data; name=\"roomId\"\r\n\r\n" + "r".repeat(9000))));

    MultipartReader garbled = MultipartReader.forContentType(TYPE, new Recorded());
    assertThrows(MultipartReader.MalformedBody.class, () -> garbled.feed(Buffer.buffer("--XyZjunk\r\n")));
  }
}
