package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.ErrorCode;
import io.parley.contract.bus.RequestLog;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a request: the request id it is known by in every log line it causes, in the gateway
 * and in chat-service alike, and the meters it moves (made up front, so they read 0 before anything happened).
 */
class ObservabilityTest extends ParleyStackTest {

  @Test
  void aRestCallAndASocketFrameAreTracedIntoChatServiceUnderOneRequestId() throws Exception {
    try (CapturedLines lines = CapturedLines.of(RequestLog.NAME)) {
      JsonObject alice = parley.newUser("alice");
      String roomId = parley.createRoom(alice, "public");

      RestClient.Reply posted = rest.send(HttpMethod.POST, "/api/messages", token(alice), new JsonObject()
          .put("roomId", roomId).put("text", "traced").encode(), Map.of("X-Request-Id", "trace-rest-1"));
      assertEquals(201, posted.status());
      assertEquals("trace-rest-1", posted.header("X-Request-Id"));
      lines.await(line -> "trace-rest-1".equals(line.getString("requestId"))
          && line.getString("message").startsWith("POST /api/messages 201"));
      lines.await(line -> "trace-rest-1".equals(line.getString("requestId"))
          && line.getString("message").startsWith("parley.chat.message.send answered"));

      SocketClient socket = parley.socket(alice);
      socket.send(new JsonObject().put("type", "message").put("ref", 1).put("roomId", roomId)
          .put("text", "traced too").put("clientMsgId", "t2"));
      socket.next("ack");
      JsonObject frame = lines.await(line -> line.getString("message").endsWith(" frame message"));
      String frameId = frame.getString("requestId");
      lines.await(line -> frameId.equals(line.getString("requestId"))
          && line.getString("message").startsWith("parley.chat.message.send answered"));
      socket.close();
    }
  }

  @Test
  void aRequestWithoutAnAcceptableIdIsGivenOne() {
    String minted = rest.get("/api/rooms", null).header("X-Request-Id");
    assertTrue(minted.matches("[0-9a-f]{16}"), minted);
    String replaced = rest.send(HttpMethod.GET, "/api/rooms", null, null, Map.of("X-Request-Id", "two words"))
        .header("X-Request-Id");
    assertNotEquals("two words", replaced);
    assertTrue(replaced.matches("[0-9a-f]{16}"), replaced);
  }

  @Test
  void framesByTypeAndRefusalsByCodeAreCountedFromZero() {
    String before = scrape();
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(before.contains("code=\"" + code.word() + "\"") , "refusals of " + code.word() + " are made up front");
    }
    assertTrue(before.contains("parley_gateway_frames_out_total{gateway="), before);

    assertEquals(404, rest.get("/nothing-here", null).status());
    SocketClient socket = parley.socket(parley.newUser("bob"));
    socket.send(new JsonObject().put("type", "ping"));
    socket.next("pong");
    socket.send(new JsonObject().put("type", "no such frame"));
    assertEquals("invalid_input", socket.next("error").getString("code"));
    socket.close();

    String after = scrape();
    assertEquals(1, sum(after, "parley_gateway_refusals_total", "via=\"rest\"", "code=\"not_found\"")
        - sum(before, "parley_gateway_refusals_total", "via=\"rest\"", "code=\"not_found\""));
    assertEquals(1, sum(after, "parley_gateway_refusals_total", "via=\"socket\"", "code=\"invalid_input\"")
        - sum(before, "parley_gateway_refusals_total", "via=\"socket\"", "code=\"invalid_input\""));
    assertEquals(1, sum(after, "parley_gateway_frames_in_total", "type=\"other\"")
        - sum(before, "parley_gateway_frames_in_total", "type=\"other\""));
    assertEquals(1, sum(after, "parley_gateway_frames_in_total", "type=\"ping\"")
        - sum(before, "parley_gateway_frames_in_total", "type=\"ping\""));
    assertEquals(1, sum(after, "parley_gateway_frames_out_total", "type=\"pong\"")
        - sum(before, "parley_gateway_frames_out_total", "type=\"pong\""));
  }

  @Test
  void failedLoginsAreCountedByReasonAndUsersOnlineByPresence() throws InterruptedException {
    JsonObject dave = parley.newUser("dave");
    String username = dave.getJsonObject("user").getString("username");
    String before = scrape();
    for (String reason : List.of("bad_credentials", "throttled", "bad_totp", "banned")) {
      assertTrue(before.contains("parley_auth_login_failures_total{reason=\"" + reason + "\"}"), reason);
    }

    assertEquals(401, rest.post("/api/login", new JsonObject().put("username", username).put("password", "nope"))
        .status());
    SocketClient socket = parley.socket(dave);

    String after = scrape();
    assertEquals(1, sum(after, "parley_auth_login_failures_total", "bad_credentials")
        - sum(before, "parley_auth_login_failures_total", "bad_credentials"));
    long deadline = System.currentTimeMillis() + 5_000;
    while (sum(scrape(), "parley_presence_online_users") < 1 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(sum(scrape(), "parley_presence_online_users") >= 1, "presence counts dave online");
    socket.close();
  }

  private static String scrape() {
    return MeterText.scrape(parley);
  }

  private static double sum(String metrics, String name, String... labels) {
    return MeterText.sum(metrics, name, labels);
  }
}
