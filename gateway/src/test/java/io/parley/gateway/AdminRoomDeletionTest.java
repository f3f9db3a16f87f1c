package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.RoomAccessChanged;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin deleting a room removes everything of it: its files stop answering, signed links included, and no
 * record of the room is left in any collection. A deletion cut short is finished by deleting again.
 */
class AdminRoomDeletionTest extends ParleyStackTest {

  private static final Buffer PNG =
      Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2});
  private static MongoClient store;
  private static JsonObject admin;

  /** The stack is this class's own, so its first user, the admin, is made here. */
  @BeforeAll
  static void firstUserIsTheAdmin() {
    store = parley.store();
    admin = parley.newUser("admin");
  }

  @Test
  void aDeletedRoomsFilesAndSignedLinksAnswer404AndNothingOfItIsLeft() {
    JsonObject owner = parley.newUser("owner");
    JsonObject friend = parley.newUser("friend");
    String room = parley.createRoom(owner, "private");
    assertEquals(200, rest.post("/api/rooms/" + room + "/members", token(owner),
        new JsonObject().put("userId", userId(friend))).status());
    String fileId = upload(owner, room).getString("fileId");
    assertEquals(201, rest.post("/api/messages", token(owner), new JsonObject().put("roomId", room)
        .put("text", "the plan").put("fileId", fileId).put("clientMsgId", "plan-1")).status());
    String reply = parley.send(friend, room, "got it").getString("id");
    rest.post("/api/messages/" + reply + "/reactions", token(owner), new JsonObject().put("emoji", "ok"));
    assertEquals(204, rest.put("/api/users/me/last-room", token(friend),
        new JsonObject().put("roomId", room)).status());
    String link = rest.get("/api/files/" + fileId + "/link", token(friend)).json().getString("url");
    assertEquals(200, rest.get(link, null).status());
    assertEquals(200, rest.get("/api/files/" + fileId, token(friend)).status());

    assertEquals(204, rest.delete("/api/admin/rooms/" + room, token(admin)).status());

    assertEquals(404, rest.get("/api/files/" + fileId, token(friend)).status());
    assertEquals(404, rest.get(link, null).status());
    assertEquals(404, rest.get("/api/files/" + fileId + "/link", token(owner)).status());
    assertEquals(404, rest.get("/api/rooms/" + room + "/messages", token(friend)).status());
    assertNull(rest.get("/api/rooms", token(friend)).json().getString("lastRoomId"));
    assertNothingLeftOf(room, fileId);
    assertEquals(404, rest.delete("/api/admin/rooms/" + room, token(admin)).status(), "already gone");
  }

  @Test
  void aDeletedDirectRoomTakesItsWaitingDeliveriesAndFreesThePair() {
    JsonObject ali = parley.newUser("ali");
    JsonObject bea = parley.newUser("bea");
    RestClient.Reply sent = rest.post("/api/messages", token(ali), new JsonObject().put("toUserId", userId(bea))
        .put("text", "are you there?"));
    assertEquals(201, sent.status());
    String room = sent.json().getString("roomId");
    assertEquals(1, waitingFor(bea).size(), "bea is offline: the message waits for her");

    assertEquals(204, rest.delete("/api/admin/rooms/" + room, token(admin)).status());

    assertEquals(0, waitingFor(bea).size());
    assertNothingLeftOf(room, "none");
    RestClient.Reply again = rest.post("/api/dms", token(ali), new JsonObject().put("userId", userId(bea)));
    assertEquals(201, again.status(), "a new direct room: " + again.raw().bodyAsString());
    assertNotEquals(room, again.json().getString("id"));
  }

  @Test
  void aDeletionCutShortIsFinishedByDeletingAgain() {
    JsonObject owner = parley.newUser("stopped");
    String room = parley.createRoom(owner, "public");
    String fileId = upload(owner, room).getString("fileId");
    parley.send(owner, room, "before the crash");
    // Where a deletion that stopped half-way leaves a room: marked, its memberships already removed; both were
    // told to every chat-service instance, as RoomStore and MembershipStore tell every change of access.
    Await.result(store.updateCollection("rooms", new JsonObject().put("_id", room),
        new JsonObject().put("$set", new JsonObject().put("deleting", true))));
    Await.result(store.removeDocuments("memberships", new JsonObject().put("roomId", room)));
    new BusClient(parley.vertx().eventBus()).publish(ChatOperations.ROOM_ACCESS_CHANGED,
        RoomAccessChanged.room(room));
    assertEquals(404, rest.get("/api/rooms/" + room, token(owner)).status(), "a room being deleted is gone");
    assertFalse(rest.get("/api/rooms", token(owner)).json().getJsonArray("rooms").stream()
        .anyMatch(r -> room.equals(((JsonObject) r).getString("id"))));

    assertEquals(204, rest.delete("/api/admin/rooms/" + room, token(admin)).status());

    assertNothingLeftOf(room, fileId);
    assertEquals(404, rest.delete("/api/admin/rooms/" + room, token(admin)).status());
  }

  private static JsonObject upload(JsonObject session, String room) {
    RestClient.Reply uploaded = rest.sendBytes(HttpMethod.POST, "/api/files", token(session),
        MultipartBody.CONTENT_TYPE, new MultipartBody().field("roomId", room)
            .file("file", "plan.png", "image/png", PNG).end());
    assertEquals(201, uploaded.status(), uploaded.raw().bodyAsString());
    return uploaded.json();
  }

  private static JsonObject waitingFor(JsonObject session) {
    JsonObject doc = Await.result(store.findOne("pending_deliveries", new JsonObject().put("_id", userId(session)),
        null));
    return doc == null ? new JsonObject() : doc.getJsonObject("items", new JsonObject());
  }

  /** No record in any of chat-service's collections names the room, or the file. */
  private static void assertNothingLeftOf(String room, String fileId) {
    JsonObject idsOfRoom = new JsonObject().put("$gte", room + "-").put("$lt", room + ".");
    assertEquals(0, count("rooms", new JsonObject().put("_id", room)));
    assertEquals(0, count("memberships", new JsonObject().put("roomId", room)));
    assertEquals(0, count("room_journal", new JsonObject().put("_id", room)));
    assertEquals(0, count("room_changes", new JsonObject().put("_id", idsOfRoom)));
    assertEquals(0, count("messages", new JsonObject().put("roomId", room)));
    assertEquals(0, count("files", new JsonObject().put("roomId", room)));
    assertEquals(0, count("file_chunks", new JsonObject().put("_id",
        new JsonObject().put("$gte", fileId + "-").put("$lt", fileId + "."))));
    assertEquals(0, count("user_room_prefs", new JsonObject().put("lastRoomId", room)));
  }

  private static long count(String collection, JsonObject query) {
    return Await.result(store.count(collection, query));
  }
}
