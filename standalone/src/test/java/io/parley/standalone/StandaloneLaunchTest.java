package io.parley.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.TestStores;
import io.parley.testing.Ports;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one-command start: a persistent chat on the embedded store, and a clear refusal when it cannot start. */
@ExtendWith(VertxExtension.class)
class StandaloneLaunchTest {

  private static final long START_MS = 60_000;
  private static final String PASSWORD = "kx9-long-secret-passphrase";

  @Test
  void aMessageSurvivesARestartOnTheSameDataFolder(Vertx vertx) throws Exception {
    Path data = TestStores.freshDataDir();
    int port = Ports.free();
    Map<String, String> env = Map.of("PARLEY_DATA_DIR", data.toString(), "PARLEY_HTTP_PORT", Integer.toString(port));
    String roomId;
    String bobToken;
    try (ParleyProcess parley = ParleyProcess.start(env)) {
      parley.awaitLine("Parley is up", START_MS);
      RestClient rest = new RestClient(vertx, port);
      String alice = signUp(rest, "alice");
      bobToken = signUp(rest, "bob");
      roomId = rest.post("/api/rooms", alice, new JsonObject().put("name", "lounge")).json().getString("id");
      assertEquals(200, rest.post("/api/rooms/" + roomId + "/join", bobToken, null).status());

      SocketClient aliceSocket = SocketClient.authenticated(vertx, port, alice);
      SocketClient bobSocket = SocketClient.authenticated(vertx, port, bobToken);
      aliceSocket.send(new JsonObject().put("type", "message").put("roomId", roomId).put("text", "still here?")
          .put("clientMsgId", "k1"));
      assertEquals(1L, aliceSocket.next("ack").getLong("seq"));
      assertEquals("still here?", bobSocket.next("message").getJsonObject("message").getString("text"));
      aliceSocket.close();
      bobSocket.close();
      rest.close();
    }
    assertTrue(Files.exists(data.resolve("jwt-es256.pem")), "the development key was generated into the data folder");

    try (ParleyProcess restarted = ParleyProcess.start(env)) {
      restarted.awaitLine("Parley is up", START_MS);
      RestClient rest = new RestClient(vertx, port);
      String token = rest.post("/api/login", new JsonObject().put("username", "bob")
          .put("password", PASSWORD)).json().getString("accessToken");
      JsonArray messages = rest.get("/api/rooms/" + roomId + "/messages", token).json().getJsonArray("messages");
      assertEquals(1, messages.size());
      assertEquals("still here?", messages.getJsonObject(0).getString("text"));
      assertEquals(200, rest.get("/api/rooms/" + roomId + "/messages", bobToken).status(),
          "tokens signed before the restart still verify: the key was kept");
      rest.close();
    }
  }

  @Test
  void aPortInUseFailsFastWithOneClearLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      ParleyProcess parley = ParleyProcess.start(Map.of(
          "PARLEY_DATA_DIR", TestStores.freshDataDir().toString(),
          "PARLEY_HTTP_PORT", Integer.toString(taken.getLocalPort())));
      int exit = parley.awaitExit(START_MS);
      assertNotEquals(0, exit);
      assertOneClearFailure(parley.output(), "address already in use");
    }
  }

  @Test
  void aDataFolderThatIsNotAFolderFailsFast() throws Exception {
    Path notAFolder = Files.createTempFile("parley-data", ".txt");
    ParleyProcess parley = ParleyProcess.start(Map.of(
        "PARLEY_DATA_DIR", notAFolder.toString(),
        "PARLEY_HTTP_PORT", Integer.toString(Ports.free())));
    int exit = parley.awaitExit(START_MS);
    assertNotEquals(0, exit);
    assertOneClearFailure(parley.output(), "data folder");
  }

  private static void assertOneClearFailure(List<String> output, String reason) {
    List<String> failures = output.stream().filter(line -> line.contains("failed to start")).toList();
    assertEquals(1, failures.size(), "one failure line: " + output);
    assertTrue(failures.get(0).contains(reason), failures.get(0));
    assertTrue(output.stream().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception in thread")),
        "no stack trace: " + output);
  }

  private static String signUp(RestClient rest, String username) {
    String password = PASSWORD;
    assertEquals(201, rest.post("/api/users", new JsonObject().put("username", username)
        .put("password", password)).status());
    return rest.post("/api/login", new JsonObject().put("username", username).put("password", password))
        .json().getString("accessToken");
  }
}
