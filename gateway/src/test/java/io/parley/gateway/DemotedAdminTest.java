package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admin power over messages follows the stored role, not the access token's claim: an admin demoted a moment
 * ago still holds a token that says admin, and it must not delete other people's messages over REST or the
 * socket, while a current admin still can.
 */
class DemotedAdminTest extends ParleyStackTest {

  private static JsonObject admin;

  /** The stack is this class's own, so its first user, the admin, is made here. */
  @BeforeAll
  static void firstUserIsTheAdmin() {
    admin = parley.newUser("root");
  }

  @Test
  void aDemotedAdminsOldTokenCannotDeleteOthersMessagesOverRestOrTheSocket() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String secret = parley.createRoom(alice, "private");
    rest.post("/api/rooms/" + secret + "/members", token(alice), new JsonObject().put("userId", userId(bob)));
    String first = parley.send(alice, secret, "private one").getString("id");
    String second = parley.send(bob, secret, "private two").getString("id");
    JsonObject carl = parley.newUser("carl");
    JsonObject dora = parley.newUser("dora");
    JsonObject dm1 = directMessage(carl, dora, "just us, one");
    JsonObject dm2 = directMessage(carl, dora, "just us, two");
    JsonObject deputy = promotedAndLoggedIn(parley.newUser("deputy"));
    String lounge = parley.sharedRoom(alice, deputy);
    String inLounge = parley.send(alice, lounge, "in a room the deputy is in").getString("id");
    String alsoInLounge = parley.send(alice, lounge, "another one there").getString("id");
    SocketClient deputySocket = parley.socket(deputy);

    // While the deputy is an admin, their token deletes others' messages, in rooms they are in or not.
    assertEquals(204, rest.delete("/api/messages/" + first, token(deputy)).status());
    assertEquals(204, rest.delete("/api/messages/" + inLounge, token(deputy)).status());
    deputySocket.send(new JsonObject().put("type", "delete").put("ref", "while-admin")
        .put("messageId", dm1.getString("id")));
    assertEquals("ack", deputySocket.answerTo("while-admin").getString("type"));
    assertTrue(message(carl, dm1).getBoolean("deleted", false));

    RestClient.Reply demoted = rest.post("/api/admin/users/" + userId(deputy) + "/role", token(admin),
        new JsonObject().put("role", "user"));
    assertEquals(200, demoted.status(), demoted.raw().bodyAsString());
    assertEquals("admin", ForgedTokens.claimsOf(token(deputy)).getString("role"), "the old token still says admin");

    for (String messageId : List.of(second, alsoInLounge)) {
      RestClient.Reply refused = rest.delete("/api/messages/" + messageId, token(deputy));
      assertTrue(refused.status() == 403 || refused.status() == 404, refused.raw().bodyAsString());
    }
    deputySocket.send(new JsonObject().put("type", "delete").put("ref", "after-demotion")
        .put("messageId", dm2.getString("id")));
    JsonObject answer = deputySocket.answerTo("after-demotion");
    assertEquals("error", answer.getString("type"), answer.encode());
    assertEquals("forbidden", answer.getString("code"));

    assertIntact(message(alice, secret, second), "private two");
    assertIntact(message(alice, lounge, alsoInLounge), "another one there");
    assertIntact(message(dora, dm2), "just us, two");
    assertEquals(403, rest.get("/api/admin/stats", token(deputy)).status());

    // A current admin keeps the power, in a room they are not in.
    assertEquals(204, rest.delete("/api/messages/" + second, token(admin)).status());
    assertTrue(message(alice, secret, second).getBoolean("deleted", false));
    deputySocket.close();
  }

  private static JsonObject promotedAndLoggedIn(JsonObject user) {
    RestClient.Reply promoted = rest.post("/api/admin/users/" + userId(user) + "/role", token(admin),
        new JsonObject().put("role", "admin"));
    assertEquals(200, promoted.status(), promoted.raw().bodyAsString());
    JsonObject session = parley.login(user.getJsonObject("user").getString("username"), user.getString("password"));
    assertEquals("admin", ForgedTokens.claimsOf(token(session)).getString("role"));
    return session;
  }

  private static JsonObject directMessage(JsonObject from, JsonObject to, String text) {
    RestClient.Reply sent = rest.post("/api/messages", token(from), new JsonObject().put("toUserId", userId(to))
        .put("text", text));
    assertEquals(201, sent.status(), sent.raw().bodyAsString());
    return sent.json();
  }

  private static JsonObject message(JsonObject reader, JsonObject sent) {
    return message(reader, sent.getString("roomId"), sent.getString("id"));
  }

  /** The message as a member of its room reads it in the room's history. */
  private static JsonObject message(JsonObject reader, String roomId, String messageId) {
    return rest.get("/api/rooms/" + roomId + "/messages", token(reader)).json().getJsonArray("messages").stream()
        .map(JsonObject.class::cast).filter(m -> m.getString("id").equals(messageId)).findFirst().orElseThrow();
  }

  private static void assertIntact(JsonObject message, String text) {
    assertFalse(message.getBoolean("deleted", false), message.encode());
    assertEquals(text, message.getString("text"));
  }
}
