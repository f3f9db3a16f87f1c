package io.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.gateway.GatewayConfig;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's Docker route without Docker: the services of docker-compose.yml, started from the jars their images
 * run with the environment compose gives them ({@link ComposeTopology}), as a user who typed
 * {@code PARLEY_LOG_FORMAT=json PARLEY_LOG_REQUESTS=true docker compose up} would have them, carry a message,
 * serve their management port, serve every metric the Grafana dashboard queries, and log JSON lines only, in
 * which one request id follows a call from the gateway into chat-service.
 */
class ComposeTopologyTest {

  private static final Pattern METRIC = Pattern.compile("\\b((?:parley|vertx|jvm|process|system)_[A-Za-z0-9_]+)");

  private static ComposeFile compose;
  private static ComposeTopology topology;
  private static Vertx vertx;

  @BeforeAll
  static void composeUp() throws Exception {
    compose = ComposeFile.read(ComposeFileTest.ROOT.resolve("docker-compose.yml"));
    topology = ComposeTopology.start(compose, Dockerfile.read(ComposeFileTest.ROOT.resolve("Dockerfile")),
        Map.of("PARLEY_LOG_FORMAT", "json", "PARLEY_LOG_REQUESTS", "true"));
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void composeDown() {
    if (topology != null) {
      topology.close();
    }
    if (vertx != null) {
      vertx.close();
    }
  }

  @Test
  void aMessageGoesFromOneUserToAnotherThroughTheComposedServices() {
    int port = topology.port("gateway", GatewayConfig.HTTP_PORT);
    RestClient rest = new RestClient(vertx, port);
    JsonObject alice = signUp(rest, "alice");
    JsonObject bob = signUp(rest, "bob");
    RestClient.Reply room = rest.post("/api/rooms", alice.getString("accessToken"),
        new JsonObject().put("name", "compose"));
    assertEquals(201, room.status(), room.raw().bodyAsString());
    String roomId = room.json().getString("id");
    assertEquals(200, rest.post("/api/rooms/" + roomId + "/join", bob.getString("accessToken"), null).status());

    SocketClient sender = SocketClient.authenticated(vertx, port, alice.getString("accessToken"));
    SocketClient reader = SocketClient.authenticated(vertx, port, bob.getString("accessToken"));
    sender.send(new JsonObject().put("type", "message").put("ref", "1").put("roomId", roomId)
        .put("text", "hello through compose").put("clientMsgId", "c1"));
    assertEquals(1, sender.next("ack").getLong("seq"));
    assertEquals("hello through compose", reader.next("message").getJsonObject("message").getString("text"));
    JsonObject history = rest.get("/api/rooms/" + roomId + "/messages", bob.getString("accessToken")).json();
    assertEquals("hello through compose",
        history.getJsonArray("messages").getJsonObject(0).getString("text"));
    sender.close();
    reader.close();
    rest.close();
  }

  @Test
  void everyServiceServesHealthAndMetricsOnItsManagementPortAndTheGatewayNotPublicly() {
    for (ComposeFile.Service service : compose.built()) {
      HttpResponse<String> health = topology.management(service.name(), "/health");
      assertEquals(200, health.statusCode(), service.name() + ": " + health.body());
      JsonObject body = new JsonObject(health.body());
      assertEquals(service.name(), body.getString("service"));
      String metrics = topology.management(service.name(), "/metrics").body();
      assertTrue(metrics.contains("parley_cluster_members " + compose.built().size() + ".0"),
          service.name() + " sees every service in the cluster");
    }
    RestClient rest = new RestClient(vertx, topology.port("gateway", GatewayConfig.HTTP_PORT));
    assertEquals(404, rest.get("/metrics", null).status());
    rest.close();
  }

  @Test
  void everyMetricTheGrafanaDashboardQueriesIsServed() throws Exception {
    Set<String> served = new HashSet<>();
    for (ComposeFile.Service service : compose.built()) {
      topology.management(service.name(), "/metrics").body().lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("[{ ]", 2)[0])
          .forEach(served::add);
    }
    Set<String> missing = new TreeSet<>();
    for (JsonObject panel : ComposeFileTest.dashboardPanels(ComposeFileTest.ROOT)) {
      for (Object target : panel.getJsonArray("targets")) {
        String expr = ((JsonObject) target).getString("expr");
        Matcher metric = METRIC.matcher(expr);
        boolean any = false;
        while (metric.find()) {
          any = true;
          if (!served.contains(metric.group(1))) {
            missing.add(metric.group(1) + " (" + panel.getString("title") + ")");
          }
        }
        assertTrue(any, panel.getString("title") + " queries no metric this test knows: " + expr);
      }
    }
    assertEquals(Set.of(), missing, "queried by the dashboard, served by no service");
  }

  @Test
  void aMessageSentOverRestIsTracedByItsRequestIdThroughGatewayAndChatServiceLogs() throws Exception {
    int port = topology.port("gateway", GatewayConfig.HTTP_PORT);
    RestClient rest = new RestClient(vertx, port);
    JsonObject carol = signUp(rest, "carol");
    String token = carol.getString("accessToken");
    String roomId = rest.post("/api/rooms", token, new JsonObject().put("name", "traced")).json().getString("id");
    RestClient.Reply sent = rest.send(HttpMethod.POST, "/api/messages", token,
        new JsonObject().put("roomId", roomId).put("text", "follow me").encode(), Map.of("X-Request-Id", "compose-42"));
    assertEquals(201, sent.status());
    assertEquals("compose-42", sent.header("X-Request-Id"));
    rest.close();

    assertTrue(awaitLine("gateway", line -> "compose-42".equals(line.getString("requestId"))
        && line.getString("message").startsWith("POST /api/messages 201")), "the gateway's line of the call");
    assertTrue(awaitLine("chat-service", line -> "compose-42".equals(line.getString("requestId"))
        && line.getString("message").startsWith("parley.chat.message.send answered")), "chat-service's line");
  }

  @Test
  void withTheJsonOptionEveryServiceLogsJsonLinesNamingItself() {
    for (ComposeFile.Service service : compose.built()) {
      List<String> text = topology.log(service.name()).lines().filter(line -> !line.isBlank()).toList();
      assertEquals(List.of(), text.stream().filter(line -> !line.startsWith("{")).toList(),
          service.name() + " writes nothing but JSON lines (no JVM or library warnings on the side)");
      List<JsonObject> lines = text.stream().map(JsonObject::new).toList();
      assertFalse(lines.isEmpty(), service.name() + " wrote no JSON line");
      for (JsonObject line : lines) {
        assertEquals(service.name(), line.getString("service"), line.encode());
        assertTrue(line.getString("instance").contains("/"), line.encode());
      }
      String started = service.name() + " started in the cluster";
      assertTrue(lines.stream().anyMatch(line -> line.getString("message", "").startsWith(started)), service.name());
    }
  }

  /** Whether a JSON line of the service's log passes the test, within 10 s (lines are written as calls end). */
  private static boolean awaitLine(String service, Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (topology.log(service).lines().filter(line -> line.startsWith("{")).map(JsonObject::new).anyMatch(wanted)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static JsonObject signUp(RestClient rest, String name) {
    String password = "composed passphrase 42";
    assertEquals(201, rest.post("/api/users", new JsonObject().put("username", name).put("password", password))
        .status());
    return rest.post("/api/login", new JsonObject().put("username", name).put("password", password)).json();
  }
}
