package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Room owners and settings, removing members, muting, pins and edit history, over REST and the socket. */
class RoomSettingsTest extends ParleyStackTest {

  @Test
  void anOwnerRenamesTheRoomAndSetsItsTopicAndEveryMemberSeesIt() {
    JsonObject ann = parley.newUser("ann");
    JsonObject ben = parley.newUser("ben");
    String roomId = parley.sharedRoom(ann, ben);
    String otherName = rest.get("/api/rooms/" + parley.createRoom(ben, "public"), token(ben)).json()
        .getString("name");
    SocketClient benSocket = parley.socket(ben);

    RestClient.Reply refused = rest.patch("/api/rooms/" + roomId, token(ben), new JsonObject().put("name", "mine"));
    assertEquals(403, refused.status());
    assertEquals("owner_only", refused.code());
    RestClient.Reply renamed = rest.patch("/api/rooms/" + roomId, token(ann), new JsonObject()
        .put("name", "Release train " + roomId).put("topic", "Friday 10:00"));
    assertEquals(200, renamed.status(), renamed.raw().bodyAsString());
    assertEquals(List.of(userId(ann)), renamed.json().getJsonArray("owners").getList());
    JsonObject told = benSocket.next("room_updated").getJsonObject("room");
    assertEquals("Release train " + roomId, told.getString("name"));
    assertEquals("Friday 10:00", told.getString("topic"));
    assertEquals("name_taken", rest.patch("/api/rooms/" + roomId, token(ann), new JsonObject()
        .put("name", otherName.toUpperCase())).code());
    assertEquals("Friday 10:00", roomsById(rest.get("/api/rooms", token(ben)).json()).get(roomId).getString("topic"));
    benSocket.close();
    JsonObject readyRoom = SocketAssertionsOfReady.room(parley, ben, roomId);
    assertEquals("Friday 10:00", readyRoom.getString("topic"), "missed while offline, shown in ready");
    assertEquals(List.of(userId(ann)), readyRoom.getJsonArray("owners").getList());
  }

  @Test
  void aRemovedMembersSocketStopsReceivingTheRoomAtOnce() {
    JsonObject cy = parley.newUser("cy");
    JsonObject dee = parley.newUser("dee");
    JsonObject eli = parley.newUser("eli");
    String roomId = parley.createRoom(cy, "private");
    for (JsonObject invited : List.of(dee, eli)) {
      rest.post("/api/rooms/" + roomId + "/members", token(cy), new JsonObject().put("userId", userId(invited)));
    }
    SocketClient deeSocket = parley.socket(dee);
    SocketClient eliSocket = parley.socket(eli);

    assertEquals("owner_only", rest.delete("/api/rooms/" + roomId + "/members/" + userId(dee), token(eli)).code());
    assertEquals(204, rest.delete("/api/rooms/" + roomId + "/members/" + userId(dee), token(cy)).status());
    assertEquals(userId(dee), deeSocket.next("member_left").getJsonObject("user").getString("id"));
    assertEquals(false, deeSocket.next("membership").getBoolean("member"));
    deeSocket.drain(0);

    send(cy, roomId, "after dee left");
    assertEquals("after dee left", eliSocket.next("message").getJsonObject("message").getString("text"));
    List<JsonObject> afterwards = deeSocket.drain(300);
    assertTrue(afterwards.stream().noneMatch(f -> roomId.equals(f.getString("roomId"))),
        "nothing more of the room reaches dee: " + afterwards);
    assertEquals("forbidden", rest.get("/api/rooms/" + roomId + "/messages", token(dee)).code());
    assertEquals(404, rest.delete("/api/rooms/" + roomId + "/members/" + userId(dee), token(cy)).status());
    deeSocket.close();
    eliSocket.close();
  }

  @Test
  void theLastOwnerLeavingHandsTheRoomToTheLongestStandingMember() {
    JsonObject fay = parley.newUser("fay");
    JsonObject gus = parley.newUser("gus");
    JsonObject hal = parley.newUser("hal");
    String roomId = parley.sharedRoom(fay, gus, hal);
    String owners = "/api/rooms/" + roomId + "/owners";
    assertEquals("owner_only", rest.post(owners, token(gus), new JsonObject().put("userId", userId(hal))).code());
    assertEquals(List.of(userId(fay), userId(hal)), rest.post(owners, token(fay), new JsonObject()
        .put("userId", userId(hal))).json().getJsonArray("owners").getList());
    SocketClient gusSocket = parley.socket(gus);

    rest.post("/api/rooms/" + roomId + "/leave", token(fay), null);
    rest.post("/api/rooms/" + roomId + "/leave", token(hal), null);
    JsonObject handed = gusSocket.next(f -> "room_updated".equals(f.getString("type"))
        && f.getJsonObject("room").getJsonArray("owners").getList().equals(List.of(userId(gus))), 5_000);
    assertEquals(roomId, handed.getString("roomId"));
    assertEquals(200, rest.patch("/api/rooms/" + roomId, token(gus), new JsonObject().put("topic", "mine now"))
        .status());
    gusSocket.close();
  }

  @Test
  void mutingIsTheCallersOwnAndShowsInTheRoomListAndReady() {
    JsonObject ivy = parley.newUser("ivy");
    JsonObject jon = parley.newUser("jon");
    String roomId = parley.sharedRoom(ivy, jon);
    SocketClient otherTab = parley.socket(jon);
    RestClient.Reply muted = rest.put("/api/rooms/" + roomId + "/prefs", token(jon), new JsonObject()
        .put("muted", true));
    assertEquals(true, muted.json().getBoolean("muted"));
    assertEquals(true, otherTab.next("room_updated").getJsonObject("room").getBoolean("muted"));
    assertEquals(true, roomsById(rest.get("/api/rooms", token(jon)).json()).get(roomId).getBoolean("muted"));
    assertEquals(false, roomsById(rest.get("/api/rooms", token(ivy)).json()).get(roomId).getBoolean("muted"));
    assertEquals(true, SocketAssertionsOfReady.room(parley, jon, roomId).getBoolean("muted"));
    assertEquals(400, rest.put("/api/rooms/" + roomId + "/prefs", token(jon), new JsonObject().put("muted", "no"))
        .status());
    otherTab.close();
  }

  @Test
  void pinsAndEditHistoryAreForMembersAndSyncCarriesAPinMissedOffline() {
    JsonObject kim = parley.newUser("kim");
    JsonObject lee = parley.newUser("lee");
    JsonObject max = parley.newUser("max");
    String roomId = parley.createRoom(kim, "private");
    rest.post("/api/rooms/" + roomId + "/members", token(kim), new JsonObject().put("userId", userId(lee)));
    String messageId = send(kim, roomId, "v1").getString("id");
    rest.patch("/api/messages/" + messageId, token(kim), new JsonObject().put("text", "v2"));
    rest.patch("/api/messages/" + messageId, token(kim), new JsonObject().put("text", "v3"));
    RestClient.Reply edits = rest.get("/api/messages/" + messageId + "/edits", token(lee));
    assertEquals(List.of("v1", "v2"), edits.raw().bodyAsJsonArray().stream()
        .map(e -> ((JsonObject) e).getString("text")).toList());
    assertEquals("forbidden", rest.get("/api/messages/" + messageId + "/edits", token(max)).code());

    SocketClient leeSocket = parley.socket(lee);
    long seen = roomsById(rest.get("/api/rooms", token(lee)).json()).get(roomId).getLong("version");
    leeSocket.close();
    RestClient.Reply pinned = rest.post("/api/messages/" + messageId + "/pin", token(kim), null);
    assertEquals(userId(kim), pinned.json().getJsonObject("pinned").getString("by"));
    assertEquals("forbidden", rest.post("/api/messages/" + messageId + "/pin", token(max), null).code());
    assertEquals(List.of(messageId), rest.get("/api/rooms/" + roomId + "/pins", token(lee)).json()
        .getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("id")).toList());

    SocketClient back = parley.socket(lee);
    back.send(new JsonObject().put("type", "sync").put("ref", "s").put("rooms", new JsonObject().put(roomId, seen)));
    back.next("synced");
    JsonObject resent = back.drain(0).stream().filter(f -> "message".equals(f.getString("type"))).findFirst()
        .orElseThrow().getJsonObject("message");
    assertEquals(userId(kim), resent.getJsonObject("pinned").getString("by"));
    assertNull(rest.delete("/api/messages/" + messageId + "/pin", token(lee)).json().getJsonObject("pinned"));
    assertEquals(0, rest.get("/api/rooms/" + roomId + "/pins", token(kim)).json().getJsonArray("messages").size());
    back.close();
  }
}
