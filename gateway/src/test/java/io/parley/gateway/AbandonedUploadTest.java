package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.bus.RequestLog;
import io.parley.testing.Await;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away in the middle of a file upload: what was stored of the file is discarded, and the
 * request log says the request was not answered, instead of a status that was never sent; one that leaves a
 * streamed answer is logged with the status it got and "cut off". Over a plain socket, so the test decides
 * when the connection ends.
 */
class AbandonedUploadTest extends ParleyStackTest {

  private static final String BOUNDARY = "abandoned-upload-boundary";
  private static final int CHUNK = 256 * 1024;

  @Test
  void anUploadCutOffMidwayLeavesNothingAndIsLogged() throws Exception {
    JsonObject owner = parley.newUser("leaver");
    String roomId = parley.createRoom(owner, "private");
    long chunksBefore = count("file_chunks");
    long filesBefore = count("files");

    try (CapturedLines lines = CapturedLines.of(RequestLog.NAME)) {
      try (Socket socket = new Socket("127.0.0.1", parley.port())) {
        OutputStream out = socket.getOutputStream();
        String partHead = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
            + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.write(("POST /api/files?roomId=" + roomId + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token(owner) + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
            + "\r\nContent-Length: " + (8 * CHUNK) + "\r\n\r\n" + partHead).getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[3 * CHUNK]);
        out.flush();
        long stored = Eventually.poll(() -> count("file_chunks"), chunks -> chunks >= chunksBefore + 2, 10_000);
        assertTrue(stored >= chunksBefore + 2, "chunks of the upload are stored as it streams");
      }
      List<Long> before = List.of(chunksBefore, filesBefore);
      assertEquals(before, Eventually.poll(() -> List.of(count("file_chunks"), count("files")), before::equals, 10_000),
          "what was stored of the abandoned upload is discarded");
      lines.await(line -> line.getString("message").startsWith("POST /api/files not answered after "));
    }
  }

  @Test
  void aStreamedAnswerTheClientLeavesIsLoggedAsCutOffWithItsStatus() throws Exception {
    try (CapturedLines lines = CapturedLines.of(RequestLog.NAME)) {
      try (Socket socket = new Socket("127.0.0.1", parley.port())) {
        socket.getOutputStream().write(("POST /sockjs/000/cutoff" + System.nanoTime() % 100_000
            + "/xhr_streaming HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder received = new StringBuilder();
        while (!received.toString().contains("\no\n")) {
          int next = in.read();
          assertTrue(next >= 0, "the stream opens: " + received);
          received.append((char) next);
        }
        assertTrue(received.toString().startsWith("HTTP/1.1 200"), received.toString());
      }
      lines.await(line -> line.getString("message").startsWith("POST /sockjs")
          && line.getString("message").contains(" 200 cut off after "));
    }
  }

  private static long count(String collection) {
    return Await.result(parley.store().count(collection, new JsonObject()));
  }
}
