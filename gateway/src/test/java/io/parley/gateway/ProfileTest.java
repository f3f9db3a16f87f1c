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
import org.junit.jupiter.api.Test;

/** Display name and status: changed by their user, told to those who share a room, within a rate. */
class ProfileTest extends ParleyStackTest {

  @Test
  void aProfileChangeIsStoredAndShownEverywhere() {
    JsonObject ann = parley.newUser("profiled");
    RestClient.Reply changed = rest.patch("/api/users/me", token(ann), new JsonObject()
        .put("displayName", "  Ann Smith ").put("statusText", "On a train 🚆").put("statusEmoji", ":train:"));
    assertEquals(200, changed.status(), changed.raw().bodyAsString());
    assertEquals("Ann Smith", changed.json().getString("displayName"));
    JsonObject seen = rest.get("/api/users/" + userId(ann), token(parley.newUser("viewer"))).json();
    assertEquals("On a train 🚆", seen.getString("statusText"));
    assertEquals(":train:", seen.getString("statusEmoji"));
    assertEquals(false, seen.getBoolean("hasAvatar"));

    JsonObject cleared = rest.patch("/api/users/me", token(ann), new JsonObject().put("statusText", "")
        .put("displayName", "")).json();
    assertEquals("", cleared.getString("statusText"));
    assertEquals(":train:", cleared.getString("statusEmoji"), "a field left out stays");
    assertEquals(ann.getJsonObject("user").getString("username"), cleared.getString("displayName"));
  }

  @Test
  void roommatesAndTheUsersOwnSocketsHearOfItAndStrangersDoNot() {
    JsonObject ann = parley.newUser("changes");
    JsonObject bo = parley.newUser("roommate");
    JsonObject cy = parley.newUser("stranger");
    parley.sharedRoom(ann, bo);
    parley.sharedRoom(ann, bo);
    SocketClient boSocket = parley.socket(bo);
    SocketClient boElsewhere = SocketClient.authenticated(parley.vertx(), parley.startAnotherGateway(), token(bo));
    SocketClient annSocket = parley.socket(ann);
    SocketClient cySocket = parley.socket(cy);

    assertEquals(200, rest.patch("/api/users/me", token(ann), new JsonObject().put("statusText", "lunch")).status());
    for (SocketClient socket : List.of(boSocket, boElsewhere, annSocket)) {
      JsonObject frame = socket.next("user_updated");
      assertEquals(userId(ann), frame.getJsonObject("user").getString("id"));
      assertEquals("lunch", frame.getJsonObject("user").getString("statusText"));
    }
    assertFalse(boSocket.drain(500).stream().anyMatch(f -> "user_updated".equals(f.getString("type"))),
        "once per socket, however many rooms are shared");
    assertFalse(cySocket.drain(0).stream().anyMatch(f -> "user_updated".equals(f.getString("type"))));
    List.of(boSocket, boElsewhere, annSocket, cySocket).forEach(SocketClient::close);
  }

  @Test
  void badChangesAreRefusedAndChangeNothing() {
    JsonObject ann = parley.newUser("careful");
    for (JsonObject bad : List.of(new JsonObject().put("statusText", "s".repeat(101)),
        new JsonObject().put("displayName", new JsonObject().put("$ne", null)),
        new JsonObject().put("statusEmoji", "two words"))) {
      RestClient.Reply reply = rest.patch("/api/users/me", token(ann), bad);
      assertEquals(400, reply.status(), bad.encode());
      assertEquals("invalid_input", reply.code());
    }
    assertEquals("", rest.get("/api/users/me", token(ann)).json().getString("statusText"));
    assertEquals(401, rest.patch("/api/users/me", null, new JsonObject().put("statusText", "x")).status());
  }

  @Test
  void aScriptChangingItsProfileInALoopIsSlowedDown() {
    JsonObject looper = parley.newUser("looper");
    RestClient.Reply last = null;
    for (int i = 0; i < 11; i++) {
      last = rest.patch("/api/users/me", token(looper), new JsonObject().put("statusText", "n" + i));
    }
    assertEquals(429, last.status(), "ten changes a minute by default");
    assertEquals("rate_limited", last.code());
    assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
    assertEquals("n9", rest.get("/api/users/me", token(looper)).json().getString("statusText"));
  }
}
