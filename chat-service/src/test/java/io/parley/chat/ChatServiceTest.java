package io.parley.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthEndpoints;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChangesQuery;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.Invitation;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.ReactionChange;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.chat.RoomDetail;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.frame.FrameEvents;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.model.Member;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.model.UserRef;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * chat-service on its own, driven through its typed client: the real verticle on the embedded store, with fake
 * auth and presence services bound on their addresses (profiles, the admin check, who is online), and the room
 * and user events watched as gateways receive them.
 */
@ExtendWith(VertxExtension.class)
class ChatServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();
  private static final FakePresence PRESENCE = new FakePresence();

  private static Vertx vertx;
  private static ChatClient chat;

  @BeforeAll
  static void deploy(Vertx testVertx) {
    vertx = testVertx;
    chat = ChatHarness.deploy(vertx, AUTH, PRESENCE, STORE.connectionString(), new JsonObject(), 1);
  }

  @Test
  void roomsAreCreatedJoinedShownAndLeftAndMembersAreTold() throws Exception {
    Actor ann = AUTH.add("ann", Actor.ROLE_USER);
    Actor ben = AUTH.add("ben", Actor.ROLE_USER);
    PRESENCE.setOnline(ann.id(), true);
    Room made = Await.result(chat.create(ann, new NewRoom("Lobby", " first ", null, null)));
    assertEquals(new Room(made.id(), "Lobby", Room.PUBLIC, "first", 1000, 1, made.counters(), true, 0L, null,
        List.of(ann.id()), "", 0L, false), made);
    assertEquals(ErrorCode.NAME_TAKEN, failure(chat.create(ben, new NewRoom("LOBBY", null, null, null))).code());

    BlockingQueue<JsonObject> bens = watch(Addresses.userEvents(ben.id()));
    BlockingQueue<JsonObject> lobby = watch(Addresses.roomEvents(made.id()));
    assertEquals(2, Await.result(chat.join(ben, new RoomRef(made.id()))).memberCount());
    assertEquals(true, next(bens, FrameTypes.MEMBERSHIP).getBoolean("member"));
    assertEquals(ben.id(), next(lobby, FrameTypes.MEMBER_JOINED).getJsonObject("user").getString("id"));

    RoomDetail shown = Await.result(chat.room(ben, new RoomRef(made.id())));
    assertEquals(List.of(new Member(new UserRef(ann.id(), "ann", "ANN"), true),
        new Member(new UserRef(ben.id(), "ben", "BEN"), false)), shown.members());
    assertEquals(List.of(made.id()), Await.result(chat.roomIdsOf(ben.id())));
    assertTrue(Await.result(chat.roommates(ben)).containsAll(List.of(ann.id(), ben.id())));

    Await.result(chat.leave(ben, new RoomRef(made.id())));
    assertEquals(false, next(bens, FrameTypes.MEMBERSHIP).getBoolean("member"));
    Await.result(chat.leave(ben, new RoomRef(made.id())));
    assertEquals(List.of(), Await.result(chat.roomsOf(ben)));
    assertEquals(false, Await.result(chat.list(ben)).rooms().stream()
        .filter(room -> room.id().equals(made.id())).findFirst().orElseThrow().member());
  }

  @Test
  void aPrivateRoomIsEnteredOnlyByInvitation() {
    Actor cat = AUTH.add("cat", Actor.ROLE_USER);
    Actor dan = AUTH.add("dan", Actor.ROLE_USER);
    Room den = Await.result(chat.create(cat, new NewRoom("Den", null, Room.PRIVATE, 5)));
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.join(dan, new RoomRef(den.id()))).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.room(dan, new RoomRef(den.id()))).code());
    assertFalse(readableIds(dan).contains(den.id()), "a private room is not readable before the invitation");
    assertEquals(2, Await.result(chat.invite(cat, new Invitation(den.id(), dan.id()))).memberCount());
    assertEquals(true, Await.result(chat.join(dan, new RoomRef(den.id()))).member());
    Await.result(chat.setLastRoom(dan, new RoomRef(den.id())));
    assertEquals(den.id(), Await.result(chat.list(dan)).lastRoomId());
    assertTrue(Await.result(chat.readable(dan)).contains(new RoomSummary(den.id(), "Den", Room.PRIVATE)));
    assertEquals(Await.result(chat.list(dan)).rooms().stream().map(Room::id).sorted().toList(), readableIds(dan),
        "what a member may read is what their rooms list shows");
    Await.result(chat.leave(dan, new RoomRef(den.id())));
    assertFalse(readableIds(dan).contains(den.id()), "a private room left is not readable");
  }

  private static List<String> readableIds(Actor actor) {
    return Await.result(chat.readable(actor)).stream().map(RoomSummary::id).sorted().toList();
  }

  @Test
  void messagesAreSentEditedReactedToAndDeletedEachAtTheNextVersion() throws Exception {
    Actor eve = AUTH.add("eve", Actor.ROLE_USER);
    Actor fay = AUTH.add("fay", Actor.ROLE_USER);
    Room room = Await.result(chat.create(eve, new NewRoom("Studio", null, null, null)));
    Await.result(chat.join(fay, new RoomRef(room.id())));
    BlockingQueue<JsonObject> events = watch(Addresses.roomEvents(room.id()));

    Message sent = Await.result(chat.send(eve, new NewMessage(room.id(), null, "hello", "c-1", null))).message();
    assertEquals(1, sent.seq());
    assertEquals(sent, Message.fromJson(next(events, FrameTypes.MESSAGE).getJsonObject("message")));
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.edit(fay, new MessageEdit(sent.id(), "mine now"))).code());
    Message edited = Await.result(chat.edit(eve, new MessageEdit(sent.id(), "hello, all")));
    assertEquals("hello, all", edited.text());
    assertEquals(sent.version() + 1, edited.version());
    assertEquals(edited.version(), next(events, FrameTypes.MESSAGE_UPDATED).getLong("version"));

    assertTrue(Await.result(chat.react(fay, new ReactionChange(sent.id(), ":wave:", "add"))).changed());
    assertFalse(Await.result(chat.react(fay, new ReactionChange(sent.id(), ":wave:", "add"))).changed());
    assertEquals(fay.id(), next(events, FrameTypes.REACTION).getString("userId"));

    assertEquals(ErrorCode.FORBIDDEN, failure(chat.delete(fay, new MessageRef(sent.id()))).code());
    Message deleted = Await.result(chat.delete(eve, new MessageRef(sent.id())));
    assertTrue(deleted.deleted());
    assertEquals(Map.of(), deleted.reactions());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.edit(eve, new MessageEdit(sent.id(), "back"))).code());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.delete(eve, new MessageRef("not-a-message"))).code());
  }

  @Test
  void aResentClientMsgIdAnswersTheFirstMessageAndMakesNoSecond() {
    Actor gus = AUTH.add("gus", Actor.ROLE_USER);
    Room room = Await.result(chat.create(gus, new NewRoom("Outbox", null, null, null)));
    Posted first = Await.result(chat.send(gus, new NewMessage(room.id(), null, "once", "c-42", null)));
    Posted again = Await.result(chat.send(gus, new NewMessage(room.id(), null, "once", "c-42", null)));
    assertTrue(first.created());
    assertFalse(again.created());
    assertEquals(first.message(), again.message());
    assertEquals(List.of(first.message()), Await.result(chat.history(gus, new HistoryQuery(room.id(), null, null,
        null))).messages());
  }

  @Test
  void historyPagesAndSyncResendWhatChangedSinceAVersion() {
    Actor hal = AUTH.add("hal", Actor.ROLE_USER);
    Actor ivy = AUTH.add("ivy", Actor.ROLE_USER);
    Room room = Await.result(chat.create(hal, new NewRoom("Archive", null, null, null)));
    for (int i = 1; i <= 5; i++) {
      Await.result(chat.send(hal, new NewMessage(room.id(), null, "m" + i, null, null)));
    }
    HistoryPage newest = Await.result(chat.history(hal, new HistoryQuery(room.id(), null, null, 2)));
    assertEquals(List.of(4L, 5L), newest.messages().stream().map(Message::seq).toList());
    assertTrue(newest.hasMore());
    HistoryPage older = Await.result(chat.history(hal, new HistoryQuery(room.id(), 4L, null, 10)));
    assertEquals(List.of(1L, 2L, 3L), older.messages().stream().map(Message::seq).toList());
    assertFalse(older.hasMore());

    Message second = older.messages().get(1);
    Await.result(chat.edit(hal, new MessageEdit(second.id(), "m2, edited")));
    List<SyncedRoom> synced = Await.result(chat.sync(hal, new SyncQuery(Map.of(room.id(), 4L))));
    assertEquals(1, synced.size());
    assertEquals(List.of("m5", "m2, edited"), synced.get(0).messages().stream().map(Message::text).toList());
    assertEquals(6, synced.get(0).version());
    assertTrue(synced.get(0).complete());
    assertEquals(List.of(), Await.result(chat.sync(ivy, new SyncQuery(Map.of(room.id(), 0L)))), "not a member");
  }

  @Test
  void theChangeLogAnswersAnyCopyOfEveryRoomWhoeverIsAMember() {
    Actor kim = AUTH.add("kim", Actor.ROLE_USER);
    Actor boss = AUTH.add("chief", Actor.ROLE_ADMIN);
    Room closed = Await.result(chat.create(kim, new NewRoom("Vault", null, Room.PRIVATE, null)));
    Room empty = Await.result(chat.create(kim, new NewRoom("Quiet", null, null, null)));
    Message first = Await.result(chat.send(kim, new NewMessage(closed.id(), null, "one", null, null))).message();
    Await.result(chat.send(kim, new NewMessage(closed.id(), null, "two", null, null)));
    Await.result(chat.edit(kim, new MessageEdit(first.id(), "one, edited")));

    Map<String, Long> versions = new java.util.HashMap<>();
    Await.result(chat.roomVersions()).forEach(room -> versions.put(room.roomId(), room.version()));
    assertEquals(3L, versions.get(closed.id()));
    assertEquals(0L, versions.get(empty.id()));
    SyncedRoom all = Await.result(chat.changes(new ChangesQuery(closed.id(), 0)));
    assertEquals(List.of("two", "one, edited"), all.messages().stream().map(Message::text).toList());
    assertEquals(3, all.version());
    assertTrue(all.complete());
    SyncedRoom after = Await.result(chat.changes(new ChangesQuery(closed.id(), 2)));
    assertEquals(List.of("one, edited"), after.messages().stream().map(Message::text).toList());
    assertEquals(List.of(), Await.result(chat.changes(new ChangesQuery(closed.id(), 3))).messages());

    AUTH.setAdmin(boss, true);
    Await.result(chat.deleteRoom(boss, new RoomRef(closed.id())));
    assertFalse(Await.result(chat.roomVersions()).stream().anyMatch(room -> room.roomId().equals(closed.id())));
  }

  @Test
  void readingMovesTheMarkerForwardOnlyAndUnreadFollowsIt() throws Exception {
    Actor jo = AUTH.add("jo", Actor.ROLE_USER);
    Actor kim = AUTH.add("kim", Actor.ROLE_USER);
    Room room = Await.result(chat.create(jo, new NewRoom("Reading", null, null, null)));
    Await.result(chat.join(kim, new RoomRef(room.id())));
    for (int i = 1; i <= 3; i++) {
      Await.result(chat.send(jo, new NewMessage(room.id(), null, "r" + i, null, null)));
    }
    assertEquals(3L, Await.result(chat.roomsOf(kim)).get(0).unread());
    assertEquals(0L, Await.result(chat.roomsOf(jo)).get(0).unread(), "a sender has read their own messages");
    assertEquals(1, Await.result(chat.read(kim, new ReadUpTo(room.id(), 2))).unread());
    assertEquals(2, Await.result(chat.read(kim, new ReadUpTo(room.id(), 1))).seq(), "never backwards");
    assertEquals(3, Await.result(chat.read(kim, new ReadUpTo(room.id(), 99))).seq(), "at most the last seq");

    // A direct message to someone offline waits for them; the sender is told when it is handed over.
    BlockingQueue<JsonObject> kims = watch(Addresses.userEvents(kim.id()));
    Posted direct = Await.result(chat.send(jo, new NewMessage(null, kim.id(), "psst", null, null)));
    assertTrue(direct.created());
    BlockingQueue<JsonObject> jos = watch(Addresses.userEvents(jo.id()));
    assertEquals(1, Await.result(chat.flushDeliveries(kim)));
    assertEquals("psst", next(kims, FrameTypes.MESSAGE).getJsonObject("message").getString("text"));
    assertEquals(direct.message().id(), next(jos, FrameTypes.DELIVERED).getString("messageId"));
    Await.result(chat.read(kim, new ReadUpTo(direct.message().roomId(), 1)));
    assertEquals(kim.id(), next(jos, FrameTypes.RECEIPT).getString("userId"));
  }

  @Test
  void adminPowerIsWhatAuthServiceSaysNowNeverTheClaim() {
    Actor boss = AUTH.add("boss", Actor.ROLE_ADMIN);
    Actor lee = AUTH.add("lee", Actor.ROLE_USER);
    Room room = Await.result(chat.create(lee, new NewRoom("Doomed", null, Room.PRIVATE, null)));
    Message said = Await.result(chat.send(lee, new NewMessage(room.id(), null, "mine", null, null))).message();

    assertEquals(ErrorCode.FORBIDDEN, failure(chat.delete(boss, new MessageRef(said.id()))).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.deleteRoom(boss, new RoomRef(room.id()))).code());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.stats(boss)).code());
    AUTH.setAdmin(boss, true);
    assertTrue(Await.result(chat.delete(boss, new MessageRef(said.id()))).deleted());
    assertTrue(Await.result(chat.stats(boss)).rooms() >= 1);
    Await.result(chat.deleteRoom(boss, new RoomRef(room.id())));
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.room(lee, new RoomRef(room.id()))).code());
    assertEquals(List.of(), Await.result(chat.roomsOf(lee)));
    AUTH.setAdmin(boss, false);
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.stats(boss)).code());
  }

  @Test
  void whatTheContractRefusesIsRefusedOnTheBusAndChangesNothing() {
    Actor max = AUTH.add("max", Actor.ROLE_USER);
    JsonObject injected = new JsonObject().put("actor", max.toJson())
        .put("roomId", new JsonObject().put("$ne", null)).put("text", "x");
    ServiceError refused = failure(vertx.eventBus().request(Addresses.CHAT_MESSAGE_SEND, injected));
    assertEquals(ErrorCode.INVALID_INPUT, refused.code());
    assertEquals("roomId", refused.errors().get(0).field());
    assertEquals(ErrorCode.UNAUTHENTICATED, failure(vertx.eventBus().request(Addresses.CHAT_ROOMS_LIST,
        new JsonObject())).code());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.join(max, new RoomRef("rrrrrrrrrrrrrrrrrrrr"))).code());
    assertEquals(ErrorCode.INVALID_INPUT, failure(chat.send(max, new NewMessage(null, max.id(), "me", null,
        null))).code());
    assertNotNull(Await.result(chat.health()));
    assertNotEquals(List.of(), Await.result(chat.list(max)).rooms(), "the other tests' public rooms");
  }

  private static BlockingQueue<JsonObject> watch(String address) {
    return ChatHarness.watch(vertx, address);
  }

  private static JsonObject next(BlockingQueue<JsonObject> events, String type) throws InterruptedException {
    return ChatHarness.next(events, type);
  }

  private static ServiceError failure(Future<?> future) {
    return ChatHarness.failure(future);
  }
}
