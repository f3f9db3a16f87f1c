package io.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.platform.ClusterConfig;
import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two search-service processes in the cluster of {@code scripts/local-cluster.sh}, each with an index folder of
 * its own: both build their index from chat-service's change log, follow what is sent, and answer through either
 * gateway; with one killed the other answers alone; with both down search is 503 while chat goes on; one started
 * again catches up on what was said meanwhile.
 */
class SearchClusterTest {

  private static final String PASSWORD = "steady-cluster-passphrase";
  private static final String STARTED = "search-service started in the cluster";

  private static Vertx vertx;
  private static LocalCluster cluster;
  private static RestClient restA;
  private static RestClient restB;

  @BeforeAll
  static void startCluster() {
    vertx = Vertx.vertx();
    // Seven JVMs on a small host: a member kept from its heartbeats for 3 s by the others split the cluster
    // once; this test kills instances (connections refused, dropped at once) and never freezes one.
    cluster = new LocalCluster(Map.of(ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS, "15"));
    cluster.start();
    restA = new RestClient(vertx, cluster.gatewayA());
    restB = new RestClient(vertx, cluster.gatewayB());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    if (vertx != null) {
      vertx.close();
    }
  }

  @Test
  void twoInstancesEachKeepAFullIndexAndEitherAnswers() throws Exception {
    JsonObject alice = newUser("alice");
    String token = alice.getString("accessToken");
    RestClient.Reply room = restA.post("/api/rooms", token, new JsonObject().put("name", "search-" + System.nanoTime()));
    assertEquals(201, room.status(), room.raw().bodyAsString());
    String roomId = room.json().getString("id");
    send(token, roomId, "said before any search-service aurora");

    startSearch("search-1");
    startSearch("search-2");
    send(token, roomId, "said with both running aurora borealis");

    // Searches go round-robin to the two instances, each catching up in the background: once four answers in
    // a row (both instances, twice) have both messages, every answer through either gateway has them.
    eventually(() -> List.of(texts(restA, token, "aurora"), texts(restA, token, "aurora"),
        texts(restB, token, "aurora"), texts(restB, token, "aurora")),
        answers -> answers.stream().allMatch(found -> found.size() == 2));
    for (int i = 0; i < 6; i++) {
      assertEquals(List.of("said with both running aurora borealis", "said before any search-service aurora"),
          texts(i % 2 == 0 ? restA : restB, token, "auro"));
    }

    cluster.kill("search-1");
    send(token, roomId, "said with one instance left aurora corona");
    eventually(() -> texts(restB, token, "aurora"), found -> found.size() == 3);
    for (int i = 0; i < 4; i++) {
      assertEquals(3, texts(i % 2 == 0 ? restA : restB, token, "aurora").size());
    }

    cluster.kill("search-2");
    eventually(() -> restA.get("/api/search?q=aurora", token), reply -> reply.status() == 503);
    assertEquals("unavailable", restA.get("/api/search?q=aurora", token).code());
    send(token, roomId, "said while search was down aurora zenith");

    startSearch("search-1");
    assertEquals(List.of("said while search was down aurora zenith"),
        eventually(() -> texts(restA, token, "zenith"), found -> found.size() == 1));
    assertEquals(4, texts(restB, token, "aurora").size());
  }

  private static void startSearch(String name) throws InterruptedException {
    cluster.startOne(name, "search-service",
        Map.of("PARLEY_SEARCH_DATA_DIR", cluster.folder(name + "-index").toString()));
    cluster.awaitLog(name, STARTED, 90_000);
  }

  private static void send(String token, String roomId, String text) {
    RestClient.Reply sent = restA.post("/api/messages", token, new JsonObject().put("roomId", roomId).put("text", text));
    assertEquals(201, sent.status(), sent.raw().bodyAsString());
  }

  /** The texts found, newest first; an answer that is not 200 (an instance just killed) counts as none. */
  private static List<String> texts(RestClient rest, String token, String q) {
    RestClient.Reply reply = rest.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
    if (reply.status() != 200) {
      return List.of();
    }
    return reply.json().getJsonArray("results").stream()
        .map(result -> ((JsonObject) result).getJsonObject("message").getString("text")).toList();
  }

  private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    T value = read.get();
    while (!done.test(value) && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      value = read.get();
    }
    if (!done.test(value)) {
      throw new AssertionError("still " + value + " after 30 s");
    }
    return value;
  }

  private static JsonObject newUser(String prefix) {
    String username = prefix + System.nanoTime() % 1_000_000;
    assertEquals(201, restA.post("/api/users", new JsonObject().put("username", username).put("password", PASSWORD))
        .status());
    return restA.post("/api/login", new JsonObject().put("username", username).put("password", PASSWORD)).json();
  }
}
