package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Socket handshakes from a page of another site are refused (403, no socket) on /ws and /sockjs; the server's own
 * origin, the origins configured and clients that send none pass.
 */
@ExtendWith(VertxExtension.class)
class OriginsTest {

  private static final String EVIL = "https://evil.example";
  private static final String PARTNER = "https://chat.example.com";

  private static ParleyStack parley;
  private static WebSocketClient sockets;
  /** A gateway behind a TLS proxy that lists the partner's origin. */
  private static int proxied;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    sockets = vertx.createWebSocketClient();
    GatewayVerticle gateway = new GatewayVerticle();
    Await.result(vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(parley.config().copy()
        .put(GatewayConfig.ALLOWED_ORIGINS, PARTNER + ", https://other.example:8443")
        .put(GatewayConfig.TRUST_FORWARDED_FOR, true))));
    proxied = gateway.actualPort();
  }

  @AfterAll
  static void stop() {
    sockets.close();
    parley.close();
  }

  @Test
  void aForeignOriginGetsNoSocketOnWsNorOnSockJs() {
    assertEquals(403, rejected(parley.port(), "/ws", EVIL));
    assertEquals(403, rejected(parley.port(), "/sockjs/websocket", EVIL));
    assertEquals(403, rejected(parley.port(), "/sockjs/000/abcdefgh/websocket", EVIL));
    assertEquals(403, rejected(parley.port(), "/ws", "null"), "a sandboxed page or a file says null");
    assertEquals(403, rejected(parley.port(), "/ws", "http://127.0.0.1:" + (parley.port() + 1)), "another port");

    RestClient.Reply info = parley.rest().send(HttpMethod.GET, "/sockjs/info", null, null, Map.of("Origin", EVIL));
    assertEquals(403, info.status());
    assertEquals("forbidden", info.code());
    RestClient.Reply streaming = parley.rest().send(HttpMethod.POST, "/sockjs/000/abcdefgh/xhr_streaming", null,
        null, Map.of("Origin", EVIL));
    assertEquals(403, streaming.status());
  }

  @Test
  void theOwnOriginAndClientsWithoutOneOpenSockets() {
    String own = "http://127.0.0.1:" + parley.port();
    opens(parley.port(), "/ws", own);
    opens(parley.port(), "/ws", own.toUpperCase().replace("HTTP", "http"));
    opens(parley.port(), "/ws", null);
    opens(parley.port(), "/sockjs/websocket", own);
    opens(parley.port(), "/sockjs/websocket", null);
    assertEquals(200, parley.rest().send(HttpMethod.GET, "/sockjs/info", null, null, Map.of("Origin", own))
        .status());

    // Vert.x's client sends its own origin by default: every other socket test authenticates through this check.
  }

  @Test
  void configuredOriginsAndTheProxiedSchemePass() {
    opens(proxied, "/ws", PARTNER);
    opens(proxied, "/ws", "https://other.example:8443");
    opens(proxied, "/ws", PARTNER + ":443");
    assertEquals(403, rejected(proxied, "/ws", "http://chat.example.com"), "the scheme is part of the origin");
    assertEquals(403, rejected(proxied, "/ws", EVIL));
    Map<String, String> viaTls = new HashMap<>(Map.of("X-Forwarded-Proto", "https"));
    opens(proxied, "/ws", "https://127.0.0.1:" + proxied, viaTls);
    assertEquals(403, rejected(parley.port(), "/ws", "https://127.0.0.1:" + parley.port(), viaTls),
        "X-Forwarded-Proto counts only behind a trusted proxy");
  }

  private static void opens(int port, String path, String origin) {
    opens(port, path, origin, Map.of());
  }

  private static void opens(int port, String path, String origin, Map<String, String> headers) {
    Future<WebSocket> connected = connect(port, path, origin, headers);
    Await.result(connected).close();
  }

  private static int rejected(int port, String path, String origin) {
    return rejected(port, path, origin, Map.of());
  }

  private static int rejected(int port, String path, String origin, Map<String, String> headers) {
    Throwable failure = Await.failure(connect(port, path, origin, headers));
    assertTrue(failure instanceof UpgradeRejectedException, String.valueOf(failure));
    return ((UpgradeRejectedException) failure).getStatus();
  }

  private static Future<WebSocket> connect(int port, String path, String origin) {
    return connect(port, path, origin, Map.of());
  }

  private static Future<WebSocket> connect(int port, String path, String origin, Map<String, String> headers) {
    // Without the allowance Vert.x sends no Origin at all, even one given; with it, a given one wins.
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(path).setAllowOriginHeader(origin != null);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    headers.forEach(options::addHeader);
    return sockets.connect(options);
  }
}
