package io.parley.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.gateway.GatewayConfig;
import io.parley.platform.CommonConfig;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.parley.testing.Ports;
import io.parley.testing.RestClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-process server ({@link ParleyMain}, as {@code java -jar parley.jar} runs it, the embedded store in it)
 * killed outright, with SIGKILL, the moment its last answer arrived, and again with writes under way: everything it
 * acknowledged is there after a restart on the same data folder, once, and every room's seq is gap-free. The store
 * once wrote its file only in the background, about once a second, and such a kill lost what it had just
 * acknowledged.
 */
class StandaloneKillTest {

  private static final long START_MS = 120_000;
  private static final String PASSWORD = "kill-nine-passphrase";
  private static final int MESSAGES = 20;
  private static final int ROOMS = 3;
  private static final int SENDERS_PER_ROOM = 4;

  private Vertx vertx;
  private Path dataDir;
  private int port;
  private ParleyProcess server;
  private RestClient rest;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    dataDir = TestStores.freshDataDir();
    port = Ports.free();
    rest = new RestClient(vertx, port);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.kill();
    }
    Await.result(vertx.close());
  }

  @Test
  void whatWasAcknowledgedSurvivesAKillAtOnce() throws Exception {
    start();
    String token = register();
    String roomId = newRoom(token, "durable");

    List<Future<RestClient.Reply>> sends = new ArrayList<>();
    for (int i = 1; i <= MESSAGES; i++) {
      sends.add(rest.sendAsync(HttpMethod.POST, "/api/messages", token,
          new JsonObject().put("roomId", roomId).put("text", "message " + i).encode()));
    }
    for (Future<RestClient.Reply> send : sends) {
      assertEquals(201, Await.result(send).status(), () -> Await.result(send).raw().bodyAsString());
    }
    server.kill();

    start();
    String again = login();
    JsonObject history = rest.get("/api/rooms/" + roomId + "/messages?limit=50", again).json();
    List<JsonObject> messages = history.getJsonArray("messages").stream().map(JsonObject.class::cast).toList();
    assertEquals(IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "message " + i).sorted().toList(),
        messages.stream().map(m -> m.getString("text")).sorted().toList(), history.encode());
    assertEquals(IntStream.rangeClosed(1, MESSAGES).boxed().toList(),
        messages.stream().map(m -> m.getInteger("seq")).sorted().toList(), "seq gap-free");
  }

  @Test
  void aKillWithWritesInFlightLosesNoAcknowledgedMessageAndLeavesNoGap() throws Exception {
    start();
    String token = register();
    Map<String, Set<String>> acked = new HashMap<>();
    for (int r = 0; r < ROOMS; r++) {
      String roomId = newRoom(token, "busy-" + r);
      Set<String> ofRoom = ConcurrentHashMap.newKeySet();
      acked.put(roomId, ofRoom);
      for (int c = 0; c < SENDERS_PER_ROOM; c++) {
        sendOneAfterAnother(token, roomId, "r" + r + "c" + c + "-", 0, ofRoom);
      }
    }
    Thread.sleep(1_500);
    server.kill();
    int acknowledged = acked.values().stream().mapToInt(Set::size).sum();
    assertTrue(acknowledged >= 30, "the kill came with writes under way: " + acknowledged + " acknowledged");

    start();
    String again = login();
    for (Map.Entry<String, Set<String>> room : acked.entrySet()) {
      List<JsonObject> stored = rest.history(room.getKey(), again);
      List<String> texts = stored.stream().map(m -> m.getString("text")).toList();
      assertEquals(texts.size(), Set.copyOf(texts).size(), "no message stored twice");
      assertTrue(texts.containsAll(room.getValue()), "every acknowledged message is there");
      assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(),
          stored.stream().map(m -> m.getLong("seq")).toList(), "seq gap-free");
    }
  }

  /** Sends the room's next message as soon as the last is acknowledged, until a send fails (the kill). */
  private void sendOneAfterAnother(String token, String roomId, String prefix, int n, Set<String> acked) {
    String text = prefix + n;
    rest.sendAsync(HttpMethod.POST, "/api/messages", token,
        new JsonObject().put("roomId", roomId).put("text", text).encode()).onComplete(sent -> {
          if (sent.succeeded() && sent.result().status() == 201) {
            acked.add(text);
            sendOneAfterAnother(token, roomId, prefix, n + 1, acked);
          }
        });
  }

  private String register() {
    assertEquals(201, rest.post("/api/users", new JsonObject().put("username", "kim").put("password", PASSWORD)
        .put("displayName", "Kim")).status());
    return login();
  }

  private String newRoom(String token, String name) {
    RestClient.Reply room = rest.post("/api/rooms", token, new JsonObject().put("name", name));
    assertEquals(201, room.status(), room.raw().bodyAsString());
    return room.json().getString("id");
  }

  /** The account is one of the things the kill must not lose: logging in after the restart proves it. */
  private String login() {
    RestClient.Reply login = rest.post("/api/login", new JsonObject().put("username", "kim").put("password", PASSWORD));
    assertEquals(200, login.status(), login.raw().bodyAsString());
    return login.json().getString("accessToken");
  }

  private void start() throws InterruptedException {
    server = ParleyProcess.start(Map.of(CommonConfig.DATA_DIR, dataDir.toString(),
        GatewayConfig.HTTP_PORT, Integer.toString(port)));
    server.awaitLine("Parley is up", START_MS);
  }
}
