package io.parley.chat;

import static io.parley.chat.ChatHarness.failure;
import static io.parley.chat.ChatHarness.room;
import static io.parley.chat.ChatHarness.roomOf;
import static io.parley.chat.ChatHarness.next;
import static io.parley.chat.ChatHarness.watch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.EarlierText;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.RoomChange;
import io.parley.contract.chat.RoomMember;
import io.parley.contract.chat.RoomPrefsChange;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.platform.MongoStore;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room owners and settings, muting, pins and edit history, through chat-service's typed client. */
@ExtendWith(VertxExtension.class)
class RoomSettingsServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();

  private static Vertx vertx;
  private static ChatClient chat;

  @BeforeAll
  static void deploy(Vertx testVertx) {
    vertx = testVertx;
    chat = ChatHarness.deploy(vertx, AUTH, new FakePresence(), STORE.connectionString(), new JsonObject(), 1);
  }

  @Test
  void ownersAndAdminsChangeARoomAndEveryMemberIsTold() throws Exception {
    Actor ann = AUTH.add("ann", Actor.ROLE_USER);
    Actor ben = AUTH.add("ben", Actor.ROLE_USER);
    Actor boss = AUTH.add("boss", Actor.ROLE_ADMIN);
    Room room = room(chat, ann, "Kitchen", Room.PUBLIC, ben);
    Room taken = room(chat, ben, "Pantry", Room.PUBLIC);
    assertEquals(List.of(ann.id()), room.owners(), "the creator is the first owner");
    BlockingQueue<JsonObject> events = watch(vertx, Addresses.roomEvents(room.id()));

    assertEquals(ErrorCode.OWNER_ONLY, failure(chat.update(ben, new RoomChange(room.id(), "Mine", null, null))).code());
    Room renamed = Await.result(chat.update(ann, new RoomChange(room.id(), "Galley", null, "lunch at noon")));
    assertEquals("Galley", renamed.name());
    assertEquals("lunch at noon", renamed.topic());
    assertEquals(true, renamed.member());
    Room told = Room.fromJson(next(events, FrameTypes.ROOM_UPDATED).getJsonObject("room"));
    assertEquals("lunch at noon", told.topic());
    assertNull(told.unread(), "one frame for every member: no one's reading in it");
    assertEquals(ErrorCode.NAME_TAKEN, failure(chat.update(ann, new RoomChange(room.id(), taken.name().toUpperCase(),
        null, null))).code());
    assertEquals(ErrorCode.OWNER_ONLY, failure(chat.update(boss, new RoomChange(room.id(), null, "x", null))).code(),
        "a claim is not the stored role");
    AUTH.setAdmin(boss, true);
    assertEquals("by an admin", Await.result(chat.update(boss, new RoomChange(room.id(), null, "by an admin", null)))
        .description());
    Room secret = room(chat, ann, "Vault", Room.PRIVATE);
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.update(ben, new RoomChange(secret.id(), "x", null, null))).code());
  }

  @Test
  void aRemovedMemberIsToldAndTheLastOwnerLeavingHandsTheRoomOn() throws Exception {
    Actor cy = AUTH.add("cy", Actor.ROLE_USER);
    Actor dee = AUTH.add("dee", Actor.ROLE_USER);
    Actor eve = AUTH.add("eve", Actor.ROLE_USER);
    Room room = room(chat, cy, "Club", Room.PUBLIC, dee, eve);
    BlockingQueue<JsonObject> eves = watch(vertx, Addresses.userEvents(eve.id()));
    BlockingQueue<JsonObject> events = watch(vertx, Addresses.roomEvents(room.id()));

    assertEquals(ErrorCode.OWNER_ONLY, failure(chat.removeMember(dee, new RoomMember(room.id(), eve.id()))).code());
    assertEquals(List.of(cy.id(), dee.id()), Await.result(chat.addOwner(cy, new RoomMember(room.id(), dee.id())))
        .owners());
    assertEquals(List.of(cy.id(), dee.id()), Room.fromJson(next(events, FrameTypes.ROOM_UPDATED)
        .getJsonObject("room")).owners());
    Await.result(chat.removeMember(dee, new RoomMember(room.id(), eve.id())));
    assertEquals(eve.id(), next(events, FrameTypes.MEMBER_LEFT).getJsonObject("user").getString("id"));
    assertFalse(next(eves, FrameTypes.MEMBERSHIP).getBoolean("member"));
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.removeMember(dee, new RoomMember(room.id(), eve.id()))).code());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.addOwner(cy, new RoomMember(room.id(), eve.id()))).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.send(eve, new NewMessage(room.id(), null, "back?", null, null)))
        .code());

    Await.result(chat.join(eve, new RoomRef(room.id())));
    Await.result(chat.leave(cy, new RoomRef(room.id())));
    Await.result(chat.leave(dee, new RoomRef(room.id())));
    assertEquals(List.of(eve.id()), roomOf(chat, eve, room.id()).owners(), "the longest-standing member left");
  }

  @Test
  void aRoomStoredBeforeOwnersIsOwnedByItsCreator() {
    Actor fay = AUTH.add("fay", Actor.ROLE_USER);
    Actor gus = AUTH.add("gus", Actor.ROLE_USER);
    Room room = room(chat, fay, "Old", Room.PUBLIC, gus);
    MongoClient store = MongoStore.client(vertx, new JsonObject().put("MONGO_URI", STORE.connectionString()), "old");
    Await.result(store.updateCollection("rooms", new JsonObject().put("_id", room.id()),
        new JsonObject().put("$unset", new JsonObject().put("owners", "").put("topic", ""))));
    store.close();
    Room old = roomOf(chat, gus, room.id());
    assertEquals(List.of(fay.id()), old.owners());
    assertEquals("", old.topic());
    Await.result(chat.addOwner(fay, new RoomMember(room.id(), gus.id())));
    assertEquals(List.of(fay.id(), gus.id()), roomOf(chat, gus, room.id()).owners());
  }

  @Test
  void mutedIsEachMembersOwn() throws Exception {
    Actor hal = AUTH.add("hal", Actor.ROLE_USER);
    Actor ivy = AUTH.add("ivy", Actor.ROLE_USER);
    Actor jon = AUTH.add("jon", Actor.ROLE_USER);
    Room room = room(chat, hal, "Noisy", Room.PUBLIC, ivy);
    BlockingQueue<JsonObject> ivys = watch(vertx, Addresses.userEvents(ivy.id()));
    assertEquals(true, Await.result(chat.setPrefs(ivy, new RoomPrefsChange(room.id(), true))).muted());
    assertEquals(true, Room.fromJson(next(ivys, FrameTypes.ROOM_UPDATED).getJsonObject("room")).muted());
    assertEquals(true, roomOf(chat, ivy, room.id()).muted());
    assertEquals(false, roomOf(chat, hal, room.id()).muted());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.setPrefs(jon, new RoomPrefsChange(room.id(), true))).code());
    assertEquals(false, Await.result(chat.setPrefs(ivy, new RoomPrefsChange(room.id(), false))).muted());
  }

  @Test
  void aDeletedRoomTakesWhatItsConversationsKeptWithIt() {
    Actor ned = AUTH.add("ned", Actor.ROLE_ADMIN);
    Actor oli = AUTH.add("oli", Actor.ROLE_USER);
    AUTH.setAdmin(ned, true);
    Room room = room(chat, ned, "Doomed", Room.PUBLIC, oli);
    Message root = Await.result(chat.send(ned, new NewMessage(room.id(), null, "@oli root", null, null))).message();
    Await.result(chat.send(oli, new NewMessage(room.id(), null, "reply", null, null, root.id())));
    Await.result(chat.edit(ned, new MessageEdit(root.id(), "@oli root, edited")));
    Await.result(chat.pin(oli, new MessageRef(root.id())));
    Await.result(chat.setPrefs(oli, new RoomPrefsChange(room.id(), true)));
    MongoClient store = MongoStore.client(vertx, new JsonObject().put("MONGO_URI", STORE.connectionString()), "look");
    JsonObject ofRoom = new JsonObject().put("roomId", room.id());
    List<String> collections = List.of("member_marks", "mention_log", "message_edits", "thread_replies",
        "reply_blocks");
    for (String collection : collections) {
      assertTrue(Await.result(store.count(collection, ofRoom)) > 0, collection + " holds something to delete");
    }

    Await.result(chat.deleteRoom(ned, new RoomRef(room.id())));
    for (String collection : collections) {
      assertEquals(0L, Await.result(store.count(collection, ofRoom)), collection);
    }
    assertEquals(0L, Await.result(store.count("room_pins", new JsonObject().put("_id", room.id()))));
    assertEquals(0L, Await.result(store.count("user_room_prefs", new JsonObject().put("muted", room.id()))));
    store.close();
  }

  @Test
  void pinsAndEditsAreTimelineChangesAndKeptForMembers() {
    Actor kim = AUTH.add("kim", Actor.ROLE_USER);
    Actor lee = AUTH.add("lee", Actor.ROLE_USER);
    Actor max = AUTH.add("max", Actor.ROLE_USER);
    Room room = room(chat, kim, "Board", Room.PRIVATE);
    Await.result(chat.invite(kim, new io.parley.contract.chat.Invitation(room.id(), lee.id())));
    Message said = Await.result(chat.send(kim, new NewMessage(room.id(), null, "v1", null, null))).message();
    Await.result(chat.edit(kim, new MessageEdit(said.id(), "v2")));
    Message now = Await.result(chat.edit(kim, new MessageEdit(said.id(), "v3")));
    List<EarlierText> edits = Await.result(chat.edits(lee, new MessageRef(said.id())));
    assertEquals(List.of("v1", "v2"), edits.stream().map(EarlierText::text).toList());
    assertEquals(now.editedAt(), edits.get(1).editedAt());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.edits(max, new MessageRef(said.id()))).code());

    Message pinned = Await.result(chat.pin(lee, new MessageRef(said.id())));
    assertEquals(lee.id(), pinned.pinned().by());
    assertEquals(now.version() + 1, pinned.version());
    assertEquals(pinned.version(), Await.result(chat.pin(kim, new MessageRef(said.id()))).version(), "no change");
    assertEquals(List.of(said.id()), Await.result(chat.pins(kim, new RoomRef(room.id()))).stream().map(Message::id)
        .toList());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.pins(max, new RoomRef(room.id()))).code());
    assertTrue(Await.result(chat.sync(lee, new SyncQuery(Map.of(room.id(), now.version())))).get(0).messages().get(0)
        .pinned() != null, "sync carries the pin");
    Message unpinned = Await.result(chat.unpin(kim, new MessageRef(said.id())));
    assertNull(unpinned.pinned());
    assertEquals(List.of(), Await.result(chat.pins(kim, new RoomRef(room.id()))));

    Await.result(chat.delete(kim, new MessageRef(said.id())));
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.edits(kim, new MessageRef(said.id()))).code());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.pin(kim, new MessageRef(said.id()))).code());
  }

}
