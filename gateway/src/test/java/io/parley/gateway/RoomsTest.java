package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Rooms table of the contract: listing, creating, reading, joining, leaving, inviting, direct rooms. */
class RoomsTest extends ParleyStackTest {


  @Test
  void createdRoomHasItsCreatorAsMemberAndNamesAreUniqueIgnoringCase() {
    JsonObject ann = parley.newUser("ann");
    RestClient.Reply created = rest.post("/api/rooms", token(ann), new JsonObject()
        .put("name", "Design Reviews").put("description", "weekly").put("capacity", 10));

    assertEquals(201, created.status());
    JsonObject room = created.json();
    assertEquals("Design Reviews", room.getString("name"));
    assertEquals("public", room.getString("type"));
    assertEquals("weekly", room.getString("description"));
    assertEquals(10, room.getInteger("capacity"));
    assertEquals(1, room.getInteger("memberCount"));
    assertEquals(0L, room.getLong("lastSeq"));

    RestClient.Reply again = rest.post("/api/rooms", token(ann), new JsonObject().put("name", "design REVIEWS"));
    assertEquals(409, again.status());
    assertEquals("name_taken", again.code());
    assertEquals("application/problem+json", again.header("Content-Type"));
  }

  @Test
  void badRoomInputIsRefusedAndCreatesNothing() {
    JsonObject bea = parley.newUser("bea");
    int before = rest.get("/api/rooms", token(bea)).json().getJsonArray("rooms").size();

    List<String> bodies = List.of("{", "[]", "{}", "{\"name\":5}", "{\"name\":\"   \"}",
        "{\"name\":\"a\\u0000b\"}", "{\"name\":\"x\",\"type\":\"direct\"}", "{\"name\":\"y\",\"capacity\":1}",
        "{\"name\":\"z\",\"capacity\":\"9\"}",
        "{\"name\":\"" + "n".repeat(65) + "\"}", "{\"name\":{\"$ne\":null}}");
    for (String body : bodies) {
      RestClient.Reply reply = rest.send(HttpMethod.POST, "/api/rooms", token(bea), body);
      assertEquals(400, reply.status(), body);
      assertEquals("invalid_input", reply.code(), body);
      assertFalse(reply.json().getJsonArray("errors").isEmpty(), body);
    }
    assertEquals(before, rest.get("/api/rooms", token(bea)).json().getJsonArray("rooms").size());
  }

  @Test
  void listShowsPublicRoomsAndOwnRoomsWithUnreadButNotOthersPrivateRooms() {
    JsonObject cal = parley.newUser("cal");
    JsonObject dee = parley.newUser("dee");
    String publicRoom = parley.createRoom(cal, "public");
    String calsPrivate = parley.createRoom(cal, "private");
    String deesPrivate = parley.createRoom(dee, "private");
    send(cal, calsPrivate, "one");
    send(cal, calsPrivate, "two");
    rest.post("/api/rooms/" + calsPrivate + "/members", token(cal), new JsonObject().put("userId", userId(dee)));

    Map<String, JsonObject> seenByDee = roomsById(rest.get("/api/rooms", token(dee)).json());

    assertTrue(seenByDee.containsKey(publicRoom));
    assertFalse(seenByDee.get(publicRoom).getBoolean("member"));
    assertNull(seenByDee.get(publicRoom).getValue("unread"));
    assertEquals(2L, seenByDee.get(calsPrivate).getLong("unread"));
    assertEquals(2L, seenByDee.get(calsPrivate).getLong("lastSeq"));
    assertEquals(0L, seenByDee.get(deesPrivate).getLong("unread"));

    JsonObject eve = parley.newUser("eve");
    Map<String, JsonObject> seenByEve = roomsById(rest.get("/api/rooms", token(eve)).json());
    assertTrue(seenByEve.containsKey(publicRoom));
    assertFalse(seenByEve.containsKey(calsPrivate));
    assertFalse(seenByEve.containsKey(deesPrivate));
  }

  @Test
  void theLastRoomIsRememberedOnlyWhileTheUserCanSeeIt() {
    JsonObject fay = parley.newUser("fay");
    JsonObject gus = parley.newUser("gus");
    String room = parley.createRoom(fay, "private");
    assertNull(rest.get("/api/rooms", token(fay)).json().getString("lastRoomId"));

    assertEquals(204, rest.put("/api/users/me/last-room", token(fay), new JsonObject().put("roomId", room)).status());
    assertEquals(room, rest.get("/api/rooms", token(fay)).json().getString("lastRoomId"));

    RestClient.Reply notHis = rest.put("/api/users/me/last-room", token(gus), new JsonObject().put("roomId", room));
    assertEquals(403, notHis.status());
    assertNull(rest.get("/api/rooms", token(gus)).json().getString("lastRoomId"));
    assertEquals(400, rest.put("/api/users/me/last-room", token(gus), new JsonObject().put("roomId", 7)).status());
  }

  @Test
  void roomDetailsListMembersWithWhoIsOnline() {
    JsonObject hal = parley.newUser("hal");
    JsonObject ida = parley.newUser("ida");
    String room = parley.createRoom(hal, "public");
    rest.post("/api/rooms/" + room + "/join", token(ida), null);
    SocketClient idaOnline = parley.socket(ida);

    JsonObject details = rest.get("/api/rooms/" + room, token(hal)).json();

    assertEquals(2, details.getInteger("memberCount"));
    Map<String, JsonObject> members = details.getJsonArray("members").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(m -> m.getString("id"), m -> m));
    assertEquals(hal.getJsonObject("user").getString("username"), members.get(userId(hal)).getString("username"));
    assertFalse(members.get(userId(hal)).getBoolean("online"));
    assertTrue(members.get(userId(ida)).getBoolean("online"));
    assertEquals(ida.getJsonObject("user").getString("displayName"), members.get(userId(ida)).getString("displayName"));
    idaOnline.close();
  }

  @Test
  void privateRoomsShowNothingToOutsidersAndTakeMembersByInviteOnly() {
    JsonObject jon = parley.newUser("jon");
    JsonObject kit = parley.newUser("kit");
    JsonObject lou = parley.newUser("lou");
    RestClient.Reply created = rest.post("/api/rooms", token(jon), new JsonObject()
        .put("name", "secret-plans-" + userId(jon)).put("type", "private").put("description", "the hidden agenda"));
    String room = created.json().getString("id");
    send(jon, room, "classified words");

    for (RestClient.Reply refused : List.of(
        rest.get("/api/rooms/" + room, token(kit)),
        rest.post("/api/rooms/" + room + "/join", token(kit), null),
        rest.get("/api/rooms/" + room + "/messages", token(kit)),
        rest.get("/api/messages/" + room, token(kit)),
        rest.post("/api/rooms/" + room + "/members", token(kit), new JsonObject().put("userId", userId(lou))),
        rest.post("/api/messages", token(kit), new JsonObject().put("roomId", room).put("text", "let me in")))) {
      assertEquals(403, refused.status());
      assertEquals("forbidden", refused.code());
      String body = refused.raw().bodyAsString();
      assertFalse(body.contains("secret-plans") || body.contains("hidden agenda") || body.contains("classified"), body);
    }

    RestClient.Reply invited = rest.post("/api/rooms/" + room + "/members", token(jon),
        new JsonObject().put("userId", userId(kit)));
    assertEquals(200, invited.status());
    assertEquals(2, invited.json().getInteger("memberCount"));
    assertEquals(200, rest.get("/api/rooms/" + room + "/messages", token(kit)).status());
    RestClient.Reply byNewMember = rest.post("/api/rooms/" + room + "/members", token(kit),
        new JsonObject().put("userId", userId(lou)));
    assertEquals(200, byNewMember.status());
    assertEquals(3, byNewMember.json().getInteger("memberCount"));
    assertEquals(200, rest.post("/api/rooms/" + room + "/join", token(lou), null).status());
  }

  @Test
  void invitingNeedsAnExistingUserAndAWellFormedBody() {
    JsonObject max = parley.newUser("max");
    String room = parley.createRoom(max, "private");
    String path = "/api/rooms/" + room + "/members";

    assertEquals(404, rest.post(path, token(max), new JsonObject().put("userId", "abcdefghijklmnopqrst")).status());
    assertEquals(404, rest.post(path, token(max), new JsonObject().put("userId", "not an id")).status());
    assertEquals(400, rest.post(path, token(max), new JsonObject()).status());
    assertEquals(400, rest.post(path, token(max), new JsonObject().put("userId", List.of("x"))).status());
    assertEquals(404, rest.post("/api/rooms/abcdefghijklmnopqrst/members", token(max),
        new JsonObject().put("userId", userId(max))).status());
    assertEquals(1, rest.get("/api/rooms/" + room, token(max)).json().getInteger("memberCount"));
  }

  @Test
  void joiningAndLeavingMoveTheMemberCountAndLeavingTwiceChangesNothing() {
    JsonObject ned = parley.newUser("ned");
    JsonObject oli = parley.newUser("oli");
    String room = parley.createRoom(ned, "public");
    String path = "/api/rooms/" + room;

    RestClient.Reply joined = rest.post(path + "/join", token(oli), null);
    assertEquals(200, joined.status());
    assertEquals(2, joined.json().getInteger("memberCount"));
    assertEquals(2, rest.post(path + "/join", token(oli), null).json().getInteger("memberCount"));

    assertEquals(204, rest.post(path + "/leave", token(oli), null).status());
    assertEquals(204, rest.post(path + "/leave", token(oli), null).status());
    JsonObject after = rest.get(path, token(ned)).json();
    assertEquals(1, after.getInteger("memberCount"));
    assertEquals(1, after.getJsonArray("members").size());
    assertEquals(404, rest.post("/api/rooms/zzzzzzzzzzzzzzzzzzzz/leave", token(oli), null).status());
    assertEquals(404, rest.post("/api/rooms/..%2F..%2Fetc/join", token(oli), null).status());
  }

  @Test
  void aFullRoomRefusesJoinsAndTwoJoinsRacingForTheLastPlaceGetOneEach() {
    JsonObject pam = parley.newUser("pam");
    List<JsonObject> racers = List.of(parley.newUser("racer"), parley.newUser("racer"));
    for (int round = 0; round < 5; round++) {
      String room = rest.post("/api/rooms", token(pam), new JsonObject()
          .put("name", "tiny-" + round + "-" + userId(pam)).put("capacity", 2)).json().getString("id");

      List<Future<RestClient.Reply>> joins = racers.stream()
          .map(racer -> rest.sendAsync(HttpMethod.POST, "/api/rooms/" + room + "/join", token(racer), null))
          .toList();
      List<Integer> statuses = joins.stream().map(join -> Await.result(join).status()).sorted().toList();

      assertEquals(List.of(200, 409), statuses, "round " + round);
      JsonObject details = rest.get("/api/rooms/" + room, token(pam)).json();
      assertEquals(2, details.getInteger("memberCount"));
      assertEquals(2, details.getJsonArray("members").size());
    }
    JsonObject late = parley.newUser("late");
    String full = rest.post("/api/rooms", token(pam), new JsonObject().put("name", "full-" + userId(pam))
        .put("capacity", 2)).json().getString("id");
    rest.post("/api/rooms/" + full + "/join", token(racers.get(0)), null);
    RestClient.Reply refused = rest.post("/api/rooms/" + full + "/join", token(late), null);
    assertEquals(409, refused.status());
    assertEquals("room_full", refused.code());
  }

  @Test
  void aDirectRoomIsMadeOnFirstUseHoldsTheTwoAndCannotBeJoinedOrLeft() {
    JsonObject quin = parley.newUser("quin");
    JsonObject rae = parley.newUser("rae");
    JsonObject sid = parley.newUser("sid");

    RestClient.Reply first = rest.post("/api/dms", token(quin), new JsonObject().put("userId", userId(rae)));
    assertEquals(201, first.status());
    JsonObject room = first.json();
    assertEquals("direct", room.getString("type"));
    assertEquals(2, room.getInteger("memberCount"));
    assertEquals(2, room.getInteger("capacity"));
    assertTrue(room.getJsonArray("userIds").contains(userId(quin)));
    assertTrue(room.getJsonArray("userIds").contains(userId(rae)));

    RestClient.Reply fromOtherSide = rest.post("/api/dms", token(rae), new JsonObject().put("userId", userId(quin)));
    assertEquals(200, fromOtherSide.status());
    assertEquals(room.getString("id"), fromOtherSide.json().getString("id"));
    assertTrue(roomsById(rest.get("/api/rooms", token(rae)).json()).containsKey(room.getString("id")));

    String path = "/api/rooms/" + room.getString("id");
    assertEquals(403, rest.post(path + "/join", token(sid), null).status());
    assertEquals(403, rest.get(path + "/messages", token(sid)).status());
    assertEquals(403, rest.post(path + "/members", token(quin), new JsonObject().put("userId", userId(sid))).status());
    assertEquals(403, rest.post(path + "/leave", token(quin), null).status());
    assertFalse(roomsById(rest.get("/api/rooms", token(sid)).json()).containsKey(room.getString("id")));

    assertEquals(400, rest.post("/api/dms", token(quin), new JsonObject().put("userId", userId(quin))).status());
    assertEquals(404, rest.post("/api/dms", token(quin), new JsonObject().put("userId", "abcdefghijklmnopqrst"))
        .status());
    assertEquals(400, rest.post("/api/dms", token(quin), new JsonObject()).status());
  }

  @Test
  void directRoomsOpenedConcurrentlyByBothSidesAreOneRoom() {
    JsonObject tia = parley.newUser("tia");
    JsonObject uma = parley.newUser("uma");
    List<Future<RestClient.Reply>> opens = List.of(
        rest.sendAsync(HttpMethod.POST, "/api/dms", token(tia), new JsonObject().put("userId", userId(uma)).encode()),
        rest.sendAsync(HttpMethod.POST, "/api/dms", token(uma), new JsonObject().put("userId", userId(tia)).encode()),
        rest.sendAsync(HttpMethod.POST, "/api/dms", token(tia), new JsonObject().put("userId", userId(uma)).encode()));

    List<String> ids = opens.stream().map(open -> Await.result(open).json().getString("id")).distinct().toList();

    assertEquals(1, ids.size());
    assertEquals(2, rest.get("/api/rooms/" + ids.get(0), token(tia)).json().getJsonArray("members").size());
  }

  @Test
  void socketJoinAndLeaveChangeMembershipAndWhatTheSocketReceives() {
    JsonObject vic = parley.newUser("vic");
    JsonObject wes = parley.newUser("wes");
    String room = parley.createRoom(vic, "public");
    // vic's socket keeps the gateway's subscription to the room alive while wes's socket comes and goes, and has
    // events delivered before wes joins: the sockets an event goes to are those in the room at that moment.
    SocketClient vicSocket = parley.socket(vic);
    send(vic, room, "before wes");
    assertEquals("before wes", vicSocket.next("message").getJsonObject("message").getString("text"));
    SocketClient wesSocket = parley.socket(wes);

    wesSocket.send(new JsonObject().put("type", "join_room").put("ref", "j").put("roomId", room));
    JsonObject joined = wesSocket.answerTo("j");
    assertEquals("ack", joined.getString("type"));
    assertEquals(2, joined.getJsonObject("room").getInteger("memberCount"));
    JsonObject membership = wesSocket.next("membership");
    assertEquals(room, membership.getString("roomId"));

    send(vic, room, "welcome wes");
    assertEquals("welcome wes", wesSocket.next("message").getJsonObject("message").getString("text"));
    assertEquals("welcome wes", vicSocket.next("message").getJsonObject("message").getString("text"));

    wesSocket.send(new JsonObject().put("type", "leave_room").put("ref", "l").put("roomId", room));
    assertEquals("ack", wesSocket.answerTo("l").getString("type"));
    wesSocket.next(frame -> "membership".equals(frame.getString("type")) && !frame.getBoolean("member"), 10_000);
    send(vic, room, "after wes left");
    assertEquals("after wes left", vicSocket.next("message").getJsonObject("message").getString("text"));
    assertTrue(wesSocket.drain(300).stream().noneMatch(frame -> "message".equals(frame.getString("type"))));

    wesSocket.send(new JsonObject().put("type", "join_room").put("ref", "bad").put("roomId", "nope"));
    JsonObject error = wesSocket.next("error");
    assertEquals("bad", error.getString("ref"));
    assertEquals("not_found", error.getString("code"));
    wesSocket.close();
    vicSocket.close();
  }

  @Test
  void anInvitedUserIsSubscribedAtOnceAndHearsTheRoom() {
    JsonObject xan = parley.newUser("xan");
    JsonObject yul = parley.newUser("yul");
    String room = parley.createRoom(xan, "private");
    SocketClient yulSocket = parley.socket(yul);

    rest.post("/api/rooms/" + room + "/members", token(xan), new JsonObject().put("userId", userId(yul)));
    JsonObject membership = yulSocket.next("membership");
    assertEquals(room, membership.getJsonObject("room").getString("id"));
    assertNotEquals(0, membership.getJsonObject("room").getInteger("memberCount"));
    send(xan, room, "hello invitee");

    assertEquals("hello invitee", yulSocket.next("message").getJsonObject("message").getString("text"));
    yulSocket.close();
  }
}
