package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A client that goes on sending an upload the server already refused gets the refusal: the server reads and drops
 * the rest (within bounds) before it closes, instead of closing on unread data, which resets the connection and
 * loses the 413 on its way. Over a plain socket, to send the way a slow client does, whatever the server answers.
 */
class RefusedUploadTest extends ParleyStackTest {

  private static final int AVATAR_MAX = 2 * 1024 * 1024;
  private static final int PIECE = 64 * 1024;

  @Test
  void anAvatarDeclaredTooLargeIsAnswered413WhileTheClientSendsOn() throws IOException {
    String token = token(parley.newUser("declared"));
    double refusedBefore = tooLargeRefusals();
    int size = 3 * AVATAR_MAX;
    try (Socket socket = new Socket("127.0.0.1", parley.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head(token, "Content-Length: " + size).getBytes(StandardCharsets.US_ASCII));
      for (int sent = 0; sent < size; sent += PIECE) {
        out.write(new byte[Math.min(PIECE, size - sent)]);
        pause();
      }
      assertRefused(socket.getInputStream());
    }
    assertEquals(refusedBefore + 1, tooLargeRefusals(), "the refusal is counted (and logged) like any other");
  }

  @Test
  void anAvatarFoundTooLargeAsItStreamsIsAnswered413WhileTheClientSendsOn() throws IOException {
    String token = token(parley.newUser("streamed"));
    try (Socket socket = new Socket("127.0.0.1", parley.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head(token, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
      for (int sent = 0; sent < 3 * AVATAR_MAX; sent += PIECE) {
        out.write((Integer.toHexString(PIECE) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[PIECE]);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        pause();
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertRefused(socket.getInputStream());
    }
  }

  @Test
  void aClientThatSendsOnPastTheBoundIsCutOff() throws IOException {
    String token = token(parley.newUser("endless"));
    int size = 64 * 1024 * 1024;
    int sent = 0;
    try (Socket socket = new Socket("127.0.0.1", parley.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head(token, "Content-Length: " + size).getBytes(StandardCharsets.US_ASCII));
      for (; sent < size; sent += PIECE) {
        out.write(new byte[PIECE]);
      }
    } catch (IOException cutOff) {
      // what the test expects: the server stopped reading and closed
    }
    assertTrue(sent < size, "the server read a refused upload of " + size + " bytes to its end");
  }

  private double tooLargeRefusals() {
    return MeterText.sum(MeterText.scrape(parley), "parley_gateway_refusals_total", "via=\"rest\"",
        "code=\"too_large\"");
  }

  private String head(String token, String length) {
    return "PUT /api/users/me/avatar HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: image/png\r\n" + length + "\r\n\r\n";
  }

  /** Sending takes a while, as it does over a real network: long enough for the server to answer first. */
  private static void pause() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertRefused(InputStream in) throws IOException {
    String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"code\":\"too_large\"") || answer.contains("\"code\" : \"too_large\""), answer);
  }
}
