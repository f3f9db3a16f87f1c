package io.parley.chat;

import static io.parley.chat.ChatHarness.failure;
import static io.parley.chat.ChatHarness.next;
import static io.parley.chat.ChatHarness.room;
import static io.parley.chat.ChatHarness.roomOf;
import static io.parley.chat.ChatHarness.watch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.DirectRoomRequest;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.Invitation;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.NewWebhook;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.Webhook;
import io.parley.contract.chat.WebhookClient;
import io.parley.contract.chat.WebhookPost;
import io.parley.contract.chat.WebhookRef;
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

/** Incoming webhooks through chat-service's typed clients: who manages them, and what a post through one is. */
@ExtendWith(VertxExtension.class)
class WebhooksServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();
  /** Three posts at once, then one a minute: a test posting more than three to one hook is told to wait. */
  private static final int BURST = 3;

  private static Vertx vertx;
  private static ChatClient chat;
  private static WebhookClient webhooks;

  @BeforeAll
  static void deploy(Vertx testVertx) {
    vertx = testVertx;
    chat = ChatHarness.deploy(vertx, AUTH, new FakePresence(), STORE.connectionString(), new JsonObject()
        .put(ChatConfig.WEBHOOK_INTERVAL_MS, 60_000).put(ChatConfig.WEBHOOK_BURST, BURST), 1);
    webhooks = new WebhookClient(new BusClient(vertx.eventBus()));
  }

  @Test
  void ownersAndAdminsManageARoomsWebhooksAndEveryoneElseIsToldOwnerOnly() {
    Actor ann = AUTH.add("ann", Actor.ROLE_USER);
    Actor ben = AUTH.add("ben", Actor.ROLE_USER);
    Actor boss = AUTH.add("boss", Actor.ROLE_ADMIN);
    AUTH.setAdmin(boss, true);
    Room room = room(chat, ann, "Builds", Room.PUBLIC, ben);

    assertEquals(ErrorCode.OWNER_ONLY, failure(webhooks.createWebhook(ben, new NewWebhook(room.id(), "CI"))).code());
    Webhook made = Await.result(webhooks.createWebhook(ann, new NewWebhook(room.id(), "CI")));
    assertEquals(Webhook.SECRET_CHARS, made.secret().length());
    assertEquals(ann.id(), made.createdBy());
    assertNull(made.lastUsedAt());
    Webhook byAdmin = Await.result(webhooks.createWebhook(boss, new NewWebhook(room.id(), "Alerts")));

    List<Webhook> listed = Await.result(webhooks.webhooks(ann, new RoomRef(room.id())));
    assertEquals(List.of(made.withoutSecret(), byAdmin.withoutSecret()), listed);
    assertEquals(listed, Await.result(webhooks.webhooks(boss, new RoomRef(room.id()))));
    assertEquals(ErrorCode.OWNER_ONLY, failure(webhooks.webhooks(ben, new RoomRef(room.id()))).code());
    assertEquals(ErrorCode.OWNER_ONLY, failure(webhooks.removeWebhook(ben, new WebhookRef(room.id(), made.id())))
        .code());

    Await.result(webhooks.removeWebhook(boss, new WebhookRef(room.id(), made.id())));
    assertEquals(ErrorCode.NOT_FOUND, failure(webhooks.removeWebhook(ann, new WebhookRef(room.id(), made.id())))
        .code());
    assertEquals(List.of(byAdmin.withoutSecret()), Await.result(webhooks.webhooks(ann, new RoomRef(room.id()))));
    Room other = room(chat, ben, "Elsewhere", Room.PUBLIC);
    assertEquals(ErrorCode.NOT_FOUND, failure(webhooks.removeWebhook(ben,
        new WebhookRef(other.id(), byAdmin.id()))).code(), "a hook is removed through its own room only");

    String direct = Await.result(chat.directRoom(ann, new DirectRoomRequest(ben.id()))).room().id();
    assertEquals(ErrorCode.FORBIDDEN, failure(webhooks.createWebhook(ann, new NewWebhook(direct, "DM"))).code());
  }

  @Test
  void aPostIsTheHooksBotMessageThroughTheTimelineWithMentions() throws Exception {
    Actor cy = AUTH.add("cy", Actor.ROLE_USER);
    Actor dee = AUTH.add("dee", Actor.ROLE_USER);
    Room room = room(chat, cy, "Deploys", Room.PRIVATE);
    Await.result(chat.invite(cy, new Invitation(room.id(), dee.id())));
    Webhook hook = Await.result(webhooks.createWebhook(cy, new NewWebhook(room.id(), "Deploy bot")));
    BlockingQueue<JsonObject> events = watch(vertx, Addresses.roomEvents(room.id()));

    Message posted = Await.result(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(),
        "@dee shipped *v2*", null))).message();
    assertTrue(posted.bot());
    assertEquals(hook.id(), posted.hookId());
    assertEquals(hook.id(), posted.sender().id());
    assertEquals("Deploy bot", posted.sender().displayName());
    assertEquals(1, posted.seq());
    assertEquals(List.of(dee.id()), posted.mentions());
    JsonObject frame = next(events, FrameTypes.MESSAGE);
    assertEquals(posted, Message.fromJson(frame.getJsonObject("message")));
    assertEquals(true, frame.getJsonObject("message").getBoolean("bot"));

    Room seen = roomOf(chat, dee, room.id());
    assertEquals(1L, seen.unread());
    assertEquals(1L, seen.mentions());
    Message renamed = Await.result(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "rolled back",
        "Rollback"))).message();
    assertEquals("Rollback", renamed.sender().displayName());
    assertEquals(hook.id(), renamed.sender().id(), "a username changes the name shown, never who sent it");
    assertEquals(List.of(posted, renamed), Await.result(chat.history(dee, new HistoryQuery(room.id(), null, null,
        null))).messages());
    assertEquals(List.of(posted, renamed), Await.result(chat.sync(dee, new SyncQuery(Map.of(room.id(), 0L))))
        .get(0).messages());
    assertNotNull(Await.result(webhooks.webhooks(cy, new RoomRef(room.id()))).get(0).lastUsedAt());
  }

  @Test
  void anUnknownHookAWrongSecretAndARemovedHookAreTheOneSameNotFound() {
    Actor eve = AUTH.add("eve", Actor.ROLE_USER);
    Room room = room(chat, eve, "Quiet", Room.PUBLIC);
    Webhook hook = Await.result(webhooks.createWebhook(eve, new NewWebhook(room.id(), "CI")));
    String wrong = (hook.secret().charAt(0) == 'A' ? "B" : "A") + hook.secret().substring(1);

    ServiceError unknown = failure(webhooks.postByWebhook(new WebhookPost(room.id(), hook.secret(), "x", null)));
    ServiceError mistaken = failure(webhooks.postByWebhook(new WebhookPost(hook.id(), wrong, "x", null)));
    Await.result(webhooks.removeWebhook(eve, new WebhookRef(room.id(), hook.id())));
    ServiceError removed = failure(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "x", null)));
    for (ServiceError error : List.of(unknown, mistaken, removed)) {
      assertEquals(ErrorCode.NOT_FOUND, error.code());
      assertEquals(unknown.detail(), error.detail());
    }
    assertEquals(0, roomOf(chat, eve, room.id()).counters().lastSeq(), "nothing was posted");
  }

  @Test
  void aHookPostsItsBurstAndIsThenToldWhenToTryAgain() {
    Actor fay = AUTH.add("fay", Actor.ROLE_USER);
    Room room = room(chat, fay, "Noisy", Room.PUBLIC);
    Webhook hook = Await.result(webhooks.createWebhook(fay, new NewWebhook(room.id(), "Chatty")));
    Webhook other = Await.result(webhooks.createWebhook(fay, new NewWebhook(room.id(), "Calm")));
    for (int i = 0; i < BURST; i++) {
      Await.result(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "tick " + i, null)));
    }
    ServiceError refused = failure(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "tock", null)));
    assertEquals(ErrorCode.RATE_LIMITED, refused.code());
    assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60, refused.retryAfterSeconds()
        + " s");
    assertEquals(BURST, roomOf(chat, fay, room.id()).counters().lastSeq(), "the refused post made nothing");
    Await.result(webhooks.postByWebhook(new WebhookPost(other.id(), other.secret(), "each hook its own", null)));
  }

  @Test
  void deletingARoomRemovesItsWebhooksAndAFullRoomStillHearsThem() {
    Actor gil = AUTH.add("gil", Actor.ROLE_USER);
    Actor hal = AUTH.add("hal", Actor.ROLE_USER);
    Actor boss = AUTH.add("root", Actor.ROLE_ADMIN);
    AUTH.setAdmin(boss, true);
    Room full = Await.result(chat.create(gil, new NewRoom("Full-" + gil.id(), null, Room.PUBLIC, 2)));
    Await.result(chat.join(hal, new RoomRef(full.id())));
    Webhook hook = Await.result(webhooks.createWebhook(gil, new NewWebhook(full.id(), "Pager")));
    assertTrue(Await.result(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "at capacity", null)))
        .created(), "a hook is no member: a full room hears it");

    Await.result(chat.deleteRoom(boss, new RoomRef(full.id())));

    ServiceError gone = failure(webhooks.postByWebhook(new WebhookPost(hook.id(), hook.secret(), "x", null)));
    assertEquals(ErrorCode.NOT_FOUND, gone.code());
    MongoClient store = MongoStore.client(vertx, new JsonObject().put("MONGO_URI", STORE.connectionString()), "look");
    assertEquals(0L, Await.result(store.count("webhooks", new JsonObject().put("roomId", full.id()))));
    store.close();
  }
}
