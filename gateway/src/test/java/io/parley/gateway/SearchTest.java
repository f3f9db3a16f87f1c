package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/search} through the whole stack: messages sent over REST reach search-service as chat-service's
 * timeline notices, are indexed, and are found only by those who may read them now.
 */
class SearchTest extends ParleyStackTest {

  private static JsonObject admin;

  /** The stack is this class's own, so its first user, the admin, is made here. */
  @BeforeAll
  static void firstUserIsTheAdmin() {
    admin = parley.newUser("admin");
  }

  @Test
  void wordsArePrefixesCaseAndAccentsAreIgnoredAndPhrasesKeepTheirOrder() {
    JsonObject ann = parley.newUser("ann");
    String room = parley.createRoom(ann, "public");
    send(ann, room, "Le déploiement de Zürich commence");
    send(ann, room, "commence Zurich");

    assertEquals(List.of("Le déploiement de Zürich commence"), texts(ann, "DEPLO zur", 1));
    assertEquals(List.of("commence Zurich", "Le déploiement de Zürich commence"), texts(ann, "zurich", 2));
    assertEquals(List.of("Le déploiement de Zürich commence"), texts(ann, "\"zurich commence\"", 1));
  }

  @Test
  void anEditIsFoundByItsNewTextOnlyAndADeletedMessageNotAtAll() {
    JsonObject ann = parley.newUser("ann");
    String room = parley.createRoom(ann, "public");
    String typo = send(ann, room, "the kickoff is on tuesdya").getString("id");
    String secret = send(ann, room, "the vault combination").getString("id");
    texts(ann, "kickoff", 1);
    texts(ann, "vault", 1);

    assertEquals(200, rest.patch("/api/messages/" + typo, token(ann), new JsonObject().put("text",
        "the kickoff is on wednesday")).status());
    assertEquals(204, rest.delete("/api/messages/" + secret, token(ann)).status());

    assertEquals(List.of("the kickoff is on wednesday"), texts(ann, "wednesday", 1));
    assertEquals(List.of(), texts(ann, "vault", 0));
    assertEquals(List.of(), texts(ann, "tuesdya", 0));
  }

  @Test
  void aPrivateRoomLeftAndARoomDeletedStopAnsweringAtOnce() {
    JsonObject ann = parley.newUser("ann");
    JsonObject bo = parley.newUser("bo");
    String closed = parley.createRoom(ann, "private");
    assertEquals(200, rest.post("/api/rooms/" + closed + "/members", token(ann),
        new JsonObject().put("userId", userId(bo))).status());
    String open = parley.sharedRoom(ann, bo);
    send(ann, closed, "zeppelin in the private room");
    send(ann, open, "zeppelin in the public room");
    JsonObject outsider = parley.newUser("cy");

    assertEquals(2, texts(bo, "zeppelin", 2).size());
    assertEquals(List.of("zeppelin in the public room"), search(outsider, "q=zeppelin").stream()
        .map(result -> result.getJsonObject("message").getString("text")).toList());

    assertEquals(204, rest.post("/api/rooms/" + closed + "/leave", token(bo), null).status());
    assertEquals(List.of("zeppelin in the public room"), textsNow(bo, "zeppelin"));
    assertEquals(204, rest.delete("/api/admin/rooms/" + open, token(admin)).status());
    assertEquals(List.of(), textsNow(bo, "zeppelin"));
    assertEquals(List.of("zeppelin in the private room"), textsNow(ann, "zeppelin"));
  }

  @Test
  void filtersPagingAndTheRoomOfEachResult() {
    JsonObject ann = parley.newUser("ann");
    JsonObject bo = parley.newUser("bo");
    String one = parley.sharedRoom(ann, bo);
    String two = parley.sharedRoom(ann, bo);
    send(ann, one, "metric one");
    send(bo, two, "metric two");
    send(bo, one, "metric three");
    texts(ann, "metric", 3);

    assertEquals(List.of("metric three", "metric one"), textsNow(ann, "metric&roomId=" + one));
    assertEquals(List.of("metric three", "metric two"), textsNow(ann, "metric&from=" + userId(bo)));
    assertEquals(List.of(), textsNow(ann, "metric&before=2000-01-01"));
    assertEquals(3, textsNow(ann, "metric&after=2000-01-01T00:00:00Z").size());

    RestClient.Reply first = rest.get("/api/search?q=metric&limit=2", token(ann));
    JsonObject room = first.json().getJsonArray("results").getJsonObject(0).getJsonObject("room");
    assertEquals(new JsonObject().put("id", one).put("name", room.getString("name")).put("type", "public"), room);
    String next = first.json().getString("next");
    JsonObject last = rest.get("/api/search?q=metric&limit=2&cursor=" + next, token(ann)).json();
    assertEquals("metric one", last.getJsonArray("results").getJsonObject(0).getJsonObject("message")
        .getString("text"));
    assertNull(last.getString("next"));
  }

  @Test
  void theHighlightMarksTheMatchAndEscapesTheRest() {
    JsonObject ann = parley.newUser("ann");
    String room = parley.createRoom(ann, "public");
    send(ann, room, "<script>alert('x')</script> rollout done");

    texts(ann, "rollout", 1);
    String highlight = search(ann, "q=rollout").get(0).getString("highlight");
    assertEquals("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; <mark>rollout</mark> done", highlight);
  }

  @Test
  void badQueriesAreInvalidInputAndATokenIsNeeded() {
    JsonObject ann = parley.newUser("ann");
    for (String query : List.of("", "q=", "q=%20%20", "q=x&limit=0", "q=x&limit=abc", "q=x&before=soon",
        "q=x&roomId=nope", "q=x&cursor=@@@", "q=%21%21%21")) {
      RestClient.Reply refused = rest.get("/api/search?" + query, token(ann));
      assertEquals(400, refused.status(), query + ": " + refused.raw().bodyAsString());
      assertEquals("invalid_input", refused.code(), query);
    }
    assertEquals(401, rest.get("/api/search?q=x", null).status());
  }

  @Test
  void searchDownIsA503ProblemAndChatGoesOn() {
    JsonObject ann = parley.newUser("ann");
    String room = parley.createRoom(ann, "public");
    parley.stopSearchService();
    try {
      RestClient.Reply down = rest.get("/api/search?q=anything", token(ann));
      assertEquals(503, down.status());
      assertEquals("unavailable", down.code());
      assertTrue(down.header("Content-Type").startsWith("application/problem+json"));
      assertEquals(201, rest.post("/api/messages", token(ann), new JsonObject().put("roomId", room)
          .put("text", "sent while search is down")).status());
    } finally {
      parley.startSearchService(false);
    }
  }

  @Test
  void aRestartCatchesUpOnWhatWasSaidAndChangedWhileSearchWasDown() {
    JsonObject ann = parley.newUser("ann");
    String room = parley.createRoom(ann, "public");
    String early = send(ann, room, "glacier before the outage").getString("id");
    texts(ann, "glacier", 1);

    parley.stopSearchService();
    try {
      send(ann, room, "glacier during the outage");
      assertEquals(200, rest.patch("/api/messages/" + early, token(ann), new JsonObject().put("text",
          "iceberg before the outage, edited during it")).status());
    } finally {
      parley.startSearchService(false);
    }

    assertEquals(List.of("glacier during the outage"), textsBecome(ann, "glacier", List.of("glacier during the outage")));
    assertEquals(List.of("iceberg before the outage, edited during it"), texts(ann, "iceberg", 1));
  }

  @Test
  void aFreshIndexIsRebuiltFromTheStore() {
    JsonObject ann = parley.newUser("ann");
    JsonObject bo = parley.newUser("bo");
    String open = parley.createRoom(ann, "public");
    String closed = parley.createRoom(ann, "private");
    for (int i = 0; i < 5; i++) {
      send(ann, open, "tundra open " + i);
    }
    send(ann, closed, "tundra closed");
    String gone = send(ann, open, "tundra deleted").getString("id");
    assertEquals(204, rest.delete("/api/messages/" + gone, token(ann)).status());
    texts(ann, "tundra", 6);

    parley.stopSearchService();
    parley.startSearchService(true);

    assertEquals(6, texts(ann, "tundra", 6).size());
    assertEquals(5, texts(bo, "tundra", 5).size());
    assertEquals(List.of(), textsNow(ann, "deleted&roomId=" + open));
  }

  // ----------------------------------------------------------------------------------------------------------

  /** The texts found once there are {@code size} of them: the index follows the timeline a moment later. */
  static List<String> texts(JsonObject session, String q, int size) {
    List<String> found = Eventually.poll(() -> textsNow(session, encode(q)), list -> list.size() == size, 10_000);
    assertEquals(size, found.size(), found.toString());
    return found;
  }

  /** The texts found once they are the ones expected: a restarted index catches up a moment later. */
  static List<String> textsBecome(JsonObject session, String q, List<String> expected) {
    return Eventually.poll(() -> textsNow(session, encode(q)), expected::equals, 10_000);
  }

  static List<String> textsNow(JsonObject session, String encodedQuery) {
    return search(session, "q=" + encodedQuery).stream()
        .map(result -> result.getJsonObject("message").getString("text")).toList();
  }

  static List<JsonObject> search(JsonObject session, String params) {
    RestClient.Reply reply = rest.get("/api/search?" + params, token(session));
    assertEquals(200, reply.status(), reply.raw().bodyAsString());
    JsonArray results = reply.json().getJsonArray("results");
    return results.stream().map(JsonObject.class::cast).toList();
  }

  private static String encode(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8);
  }
}
