package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mentions over REST and the socket: the frame says whom it mentions, rooms count them, reading clears them. */
class MentionsTest extends ParleyStackTest {

  @Test
  void aMentionIsInTheFrameCountedInTheRoomListAndReadyClearedByReadingAndListed() {
    JsonObject ann = parley.newUser("ann");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(ann, bob);
    String roomName = rest.get("/api/rooms/" + roomId, token(bob)).json().getString("name");
    SocketClient bobSocket = parley.socket(bob);

    JsonObject said = send(ann, roomId, "@" + bob.getJsonObject("user").getString("username") + " can you look?");
    JsonObject frame = bobSocket.next("message").getJsonObject("message");
    assertEquals(List.of(userId(bob)), frame.getJsonArray("mentions").getList(), "the receiver knows it names them");
    JsonObject listed = roomsById(rest.get("/api/rooms", token(bob)).json()).get(roomId);
    assertEquals(1L, listed.getLong("mentions"));
    assertEquals(1L, listed.getLong("unread"));
    assertEquals(1L, SocketAssertionsOfReady.room(parley, bob, roomId).getLong("mentions"));

    JsonObject mentions = rest.get("/api/users/me/mentions", token(bob)).json();
    JsonObject mention = mentions.getJsonArray("mentions").getJsonObject(0);
    assertEquals(said.getString("id"), mention.getJsonObject("message").getString("id"));
    assertEquals(new JsonObject().put("id", roomId).put("name", roomName).put("type", "public"),
        mention.getJsonObject("room"));
    assertFalse(mentions.getBoolean("hasMore"));

    bobSocket.send(new JsonObject().put("type", "read").put("ref", "r").put("roomId", roomId)
        .put("seq", said.getLong("seq")));
    JsonObject ack = bobSocket.answerTo("r");
    assertEquals(0L, ack.getLong("mentions"));
    assertEquals(0L, roomsById(rest.get("/api/rooms", token(bob)).json()).get(roomId).getLong("mentions"));
    assertEquals(1, rest.get("/api/users/me/mentions", token(bob)).json().getJsonArray("mentions").size(),
        "read mentions stay listed");
    bobSocket.close();
  }

  @Test
  void atRoomMentionsEveryMemberButTheSenderAndARoomLeftIsNoLongerListed() {
    JsonObject cy = parley.newUser("cy");
    JsonObject dee = parley.newUser("dee");
    String roomId = parley.createRoom(cy, "private");
    rest.post("/api/rooms/" + roomId + "/members", token(cy), new JsonObject().put("userId", userId(dee)));
    JsonObject said = send(cy, roomId, "@room stand-up in five");
    assertEquals(true, said.getBoolean("mentionsRoom"));
    assertEquals(1L, roomsById(rest.get("/api/rooms", token(dee)).json()).get(roomId).getLong("mentions"));
    assertEquals(0L, roomsById(rest.get("/api/rooms", token(cy)).json()).get(roomId).getLong("mentions"));
    assertEquals(1, rest.get("/api/users/me/mentions", token(dee)).json().getJsonArray("mentions").size());

    rest.post("/api/rooms/" + roomId + "/leave", token(dee), null);
    assertEquals(0, rest.get("/api/users/me/mentions", token(dee)).json().getJsonArray("mentions").size());
  }
}
