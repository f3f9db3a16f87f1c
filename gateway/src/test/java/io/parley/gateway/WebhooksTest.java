package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.chat.ChatConfig;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Incoming webhooks through the whole stack: owners and admins make them, their secret url posts Slack's body
 * into the room as a bot, on any gateway, and nothing else about them answers but 404.
 */
@ExtendWith(VertxExtension.class)
class WebhooksTest {

  /** Five posts at once after a quiet spell, then one a minute: what a test posts more than five of is refused. */
  private static final int BURST = 5;

  private static ParleyStack parley;
  private static RestClient rest;
  private static RestClient otherGateway;
  private static JsonObject admin;

  @BeforeAll
  static void start(Vertx vertx) {
    parley = ParleyStack.start(vertx, new JsonObject().put(ChatConfig.WEBHOOK_INTERVAL_MS, 60_000)
        .put(ChatConfig.WEBHOOK_BURST, BURST));
    rest = parley.rest();
    otherGateway = new RestClient(vertx, parley.startAnotherGateway());
    admin = parley.newUser("admin");
  }

  @AfterAll
  static void stop() {
    otherGateway.close();
    parley.close();
  }

  @Test
  void anOwnersWebhookPostsIntoTheRoomAsABotWithTheHooksName() {
    JsonObject ann = parley.newUser("ann");
    JsonObject ben = parley.newUser("ben");
    String roomId = parley.sharedRoom(ann, ben);
    SocketClient benSocket = parley.socket(ben);

    RestClient.Reply made = rest.post("/api/rooms/" + roomId + "/webhooks", token(ann), new JsonObject()
        .put("name", "CI builds"));
    assertEquals(201, made.status(), made.raw().bodyAsString());
    String hookId = made.json().getString("id");
    String url = made.json().getString("url");
    assertTrue(url.startsWith("http://127.0.0.1:" + parley.port() + "/hooks/" + hookId + "/"), url);
    assertFalse(made.json().containsKey("secret"), "the secret is in the url only");
    assertEquals(userId(ann), made.json().getString("createdBy"));

    RestClient.Reply posted = rest.post(path(url), new JsonObject().put("text", "build **green**, @"
        + ben.getJsonObject("user").getString("username") + " can ship the kumquat release"));
    assertEquals(200, posted.status(), posted.raw().bodyAsString());
    assertEquals("ok", posted.raw().bodyAsString());
    JsonObject message = benSocket.next("message").getJsonObject("message");
    assertEquals(true, message.getBoolean("bot"));
    assertEquals(hookId, message.getString("hookId"));
    assertEquals(new JsonObject().put("id", hookId).put("username", "CI builds").put("displayName", "CI builds"),
        message.getJsonObject("sender"));
    assertEquals(1L, message.getLong("seq"));
    assertEquals(new JsonArray().add(userId(ben)), message.getJsonArray("mentions"));
    JsonObject history = rest.get("/api/rooms/" + roomId + "/messages", token(ben)).json();
    assertEquals(message, history.getJsonArray("messages").getJsonObject(0));
    JsonArray found = Eventually.poll(() -> rest.get("/api/search?q=kumquat", token(ben)).json()
        .getJsonArray("results"), results -> results.size() == 1, 10_000);
    assertEquals(message.getString("id"), found.getJsonObject(0).getJsonObject("message").getString("id"),
        "indexed for search as any message");

    RestClient.Reply listed = rest.get("/api/rooms/" + roomId + "/webhooks", token(ann));
    assertEquals(200, listed.status());
    JsonObject hook = listed.raw().bodyAsJsonArray().getJsonObject(0);
    assertEquals(hookId, hook.getString("id"));
    assertEquals("CI builds", hook.getString("name"));
    assertNotNull(hook.getString("lastUsedAt"));
    String secret = url.substring(url.lastIndexOf('/') + 1);
    assertFalse(listed.raw().bodyAsString().contains(secret), "the secret is never listed");
    assertFalse(hook.containsKey("url"));
    benSocket.close();
  }

  @Test
  void onlyTheRoomsOwnersAndAdminsManageItsWebhooks() {
    JsonObject cy = parley.newUser("cy");
    JsonObject dee = parley.newUser("dee");
    String roomId = parley.sharedRoom(cy, dee);
    String hooks = "/api/rooms/" + roomId + "/webhooks";

    assertEquals("owner_only", rest.post(hooks, token(dee), new JsonObject().put("name", "mine")).code());
    assertEquals("owner_only", rest.get(hooks, token(dee)).code());
    RestClient.Reply byAdmin = rest.post(hooks, token(admin), new JsonObject().put("name", "Alerts"));
    assertEquals(201, byAdmin.status(), "an admin need not be a member");
    String hookId = byAdmin.json().getString("id");
    assertEquals("owner_only", rest.delete(hooks + "/" + hookId, token(dee)).code());
    assertEquals(List.of(hookId), rest.get(hooks, token(cy)).raw().bodyAsJsonArray().stream()
        .map(h -> ((JsonObject) h).getString("id")).toList());

    assertEquals(400, rest.post(hooks, token(cy), new JsonObject().put("name", "")).status());
    assertEquals(403, rest.post("/api/rooms/" + parley.createRoom(cy, "private") + "/webhooks", token(dee),
        new JsonObject().put("name", "x")).status(), "a private room a user is not in tells them nothing more");
    assertEquals(401, rest.post(hooks, null, new JsonObject().put("name", "anonymous")).status());
  }

  @Test
  void aWrongSecretAndARemovedHookAre404OnEveryGatewayAtOnce() {
    JsonObject eve = parley.newUser("eve");
    String roomId = parley.createRoom(eve, "public");
    String url = path(makeHook(eve, roomId, "Pager"));
    String hookId = url.split("/")[2];
    String wrongSecret = url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A");
    JsonObject body = new JsonObject().put("text", "disk full");

    assertEquals(200, otherGateway.post(url, body).status(), "any gateway takes it");
    RestClient.Reply wrong = rest.post(wrongSecret, body);
    assertEquals(404, wrong.status());
    RestClient.Reply unknown = rest.post("/hooks/abcdefghijklmnopqrst/" + url.substring(url.lastIndexOf('/') + 1),
        body);
    assertEquals(wrong.json(), unknown.json(), "an unknown hook and a wrong secret are the same answer");
    assertEquals(404, rest.post("/hooks/" + hookId + "/short", body).status());

    assertEquals(204, rest.delete("/api/rooms/" + roomId + "/webhooks/" + hookId, token(eve)).status());
    RestClient.Reply removed = rest.post(url, body);
    assertEquals(wrong.json(), removed.json(), "removed: the same 404");
    assertEquals(404, otherGateway.post(url, body).status());
    assertEquals(404, rest.delete("/api/rooms/" + roomId + "/webhooks/" + hookId, token(eve)).status());
    assertEquals(1L, rest.get("/api/rooms/" + roomId + "/messages", token(eve)).json().getJsonArray("messages")
        .size(), "only the post before the removal");
  }

  @Test
  void badBodiesAre400AndOversizeOnes413AndNothingIsPosted() {
    JsonObject fay = parley.newUser("fay");
    String roomId = parley.createRoom(fay, "public");
    String url = path(makeHook(fay, roomId, "Noise"));

    RestClient.Reply malformed = rest.send(HttpMethod.POST, url, null, "{\"text\": ");
    assertEquals(400, malformed.status());
    assertEquals("invalid_input", malformed.code());
    assertEquals("text", rest.post(url, new JsonObject().put("username", "x")).json().getJsonArray("errors")
        .getJsonObject(0).getString("field"));
    assertEquals(400, rest.post(url, new JsonObject().put("text", "x".repeat(4001))).status());
    assertEquals(400, rest.send(HttpMethod.POST, url, null, "[\"text\"]").status());
    assertEquals(400, form(url, "payload=" + encode("not json")).status());
    RestClient.Reply huge = rest.post(url, new JsonObject().put("text", "x").put("pad", "y".repeat(70_000)));
    assertEquals(413, huge.status());
    assertEquals("too_large", huge.code());
    assertEquals(0, rest.get("/api/rooms/" + roomId + "/messages", token(fay)).json().getJsonArray("messages")
        .size());
  }

  @Test
  void slacksFormEncodedPayloadAndItsUsernameWork() {
    JsonObject gil = parley.newUser("gil");
    String roomId = parley.createRoom(gil, "public");
    String url = path(makeHook(gil, roomId, "Monitoring"));
    SocketClient socket = parley.socket(gil);

    RestClient.Reply posted = form(url, "payload=" + encode(new JsonObject().put("text", "CPU at 95%")
        .put("username", "Grafana").put("icon_emoji", ":fire:").encode()));
    assertEquals(200, posted.status(), posted.raw().bodyAsString());
    JsonObject message = socket.next("message").getJsonObject("message");
    assertEquals("CPU at 95%", message.getString("text"));
    assertEquals("Grafana", message.getJsonObject("sender").getString("displayName"));
    assertEquals(url.split("/")[2], message.getJsonObject("sender").getString("id"));
    assertEquals(true, message.getBoolean("bot"));

    assertEquals(200, form(url, new JsonObject().put("text", "sent as curl -d sends JSON").encode()).status());
    assertEquals("sent as curl -d sends JSON", socket.next("message").getJsonObject("message").getString("text"));
    socket.close();
  }

  @Test
  void aHookPostsItsBurstThen429WithRetryAfterWhicheverGatewayItUses() {
    JsonObject hal = parley.newUser("hal");
    String roomId = parley.createRoom(hal, "public");
    String url = path(makeHook(hal, roomId, "Flood"));
    for (int i = 0; i < BURST; i++) {
      RestClient gateway = i % 2 == 0 ? rest : otherGateway;
      assertEquals(200, gateway.post(url, new JsonObject().put("text", "alert " + i)).status());
    }
    for (RestClient gateway : List.of(rest, otherGateway)) {
      RestClient.Reply refused = gateway.post(url, new JsonObject().put("text", "one too many"));
      assertEquals(429, refused.status());
      assertEquals("rate_limited", refused.code());
      long retryAfter = Long.parseLong(refused.header("Retry-After"));
      assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }
    String other = path(makeHook(hal, roomId, "Quiet one"));
    assertEquals(200, rest.post(other, new JsonObject().put("text", "each hook has its own rate")).status());
    assertEquals(BURST + 1, rest.get("/api/rooms/" + roomId + "/messages", token(hal)).json()
        .getJsonArray("messages").size());
  }

  @Test
  void postsRacingThroughBothGatewaysGetExactlyTheBurst() {
    JsonObject kim = parley.newUser("kim");
    String roomId = parley.createRoom(kim, "public");
    String url = path(makeHook(kim, roomId, "Storm"));
    List<Future<RestClient.Reply>> racing = new ArrayList<>();
    for (int i = 0; i < BURST + 4; i++) {
      RestClient gateway = i % 2 == 0 ? rest : otherGateway;
      racing.add(gateway.sendAsync(HttpMethod.POST, url, null, new JsonObject().put("text", "race " + i).encode()));
    }
    List<Integer> statuses = Await.result(Future.all(racing)).<RestClient.Reply>list().stream()
        .map(RestClient.Reply::status).sorted().toList();
    List<Integer> expected = new ArrayList<>(Collections.nCopies(BURST, 200));
    expected.addAll(Collections.nCopies(4, 429));
    assertEquals(expected, statuses);
    assertEquals(BURST, rest.get("/api/rooms/" + roomId + "/messages", token(kim)).json().getJsonArray("messages")
        .size());
  }

  @Test
  void aBearerTokenOnTheHooksUrlLendsItNoOnesIdentity() {
    JsonObject ivy = parley.newUser("ivy");
    String roomId = parley.createRoom(ivy, "public");
    String url = path(makeHook(ivy, roomId, "Bot"));
    SocketClient socket = parley.socket(ivy);

    RestClient.Reply posted = rest.send(HttpMethod.POST, url, token(ivy), new JsonObject().put("text", "hi").encode());
    assertEquals(200, posted.status());
    JsonObject message = socket.next("message").getJsonObject("message");
    assertEquals(url.split("/")[2], message.getJsonObject("sender").getString("id"), "the hook's, not ivy's");
    assertEquals(true, message.getBoolean("bot"));
    String wrongSecret = url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A");
    assertEquals(404, rest.send(HttpMethod.POST, wrongSecret, token(ivy), new JsonObject().put("text", "hi")
        .encode()).status(), "a token is no key to a hook");
    assertEquals(404, rest.send(HttpMethod.POST, wrongSecret, token(admin), new JsonObject().put("text", "hi")
        .encode()).status(), "nor an admin's");
    socket.close();
  }

  @Test
  void deletingTheRoomRemovesItsWebhooks() {
    JsonObject jon = parley.newUser("jon");
    String roomId = parley.createRoom(jon, "private");
    String url = path(makeHook(jon, roomId, "Doomed"));
    assertEquals(200, rest.post(url, new JsonObject().put("text", "still here")).status());

    assertEquals(204, rest.delete("/api/admin/rooms/" + roomId, token(admin)).status());

    assertEquals(404, rest.post(url, new JsonObject().put("text", "gone?")).status());
    MongoClient store = parley.store();
    assertEquals(0L, Await.result(store.count("webhooks", new JsonObject().put("roomId", roomId))));
    store.close();
  }

  /** A new webhook of the room, made by the session: answers its url. */
  private static String makeHook(JsonObject session, String roomId, String name) {
    RestClient.Reply made = rest.post("/api/rooms/" + roomId + "/webhooks", token(session),
        new JsonObject().put("name", name));
    assertEquals(201, made.status(), made.raw().bodyAsString());
    return made.json().getString("url");
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }

  private static RestClient.Reply form(String path, String body) {
    return rest.sendBytes(HttpMethod.POST, path, null, "application/x-www-form-urlencoded", Buffer.buffer(body));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
