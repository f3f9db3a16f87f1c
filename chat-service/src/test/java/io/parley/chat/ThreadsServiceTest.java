package io.parley.chat;

import static io.parley.chat.ChatHarness.failure;
import static io.parley.chat.ChatHarness.room;
import static io.parley.chat.ChatHarness.roomOf;
import static io.parley.chat.ChatHarness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.RepliesPage;
import io.parley.contract.chat.RepliesQuery;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.ThreadList;
import io.parley.contract.chat.ThreadReadMark;
import io.parley.contract.chat.ThreadReadUpTo;
import io.parley.contract.chat.ThreadsQuery;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
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

/** Threads through chat-service's typed client: replies, the root's summary, history without replies, unread. */
@ExtendWith(VertxExtension.class)
class ThreadsServiceTest {

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
  void aReplyTakesTheNextSeqAndItsRootsSummaryChangesAtAVersionOfItsOwn() throws Exception {
    Actor ann = AUTH.add("ann", Actor.ROLE_USER);
    Actor ben = AUTH.add("ben", Actor.ROLE_USER);
    Room room = room(chat, ann, "Plans", null, ben);
    BlockingQueue<JsonObject> events = ChatHarness.watch(vertx, Addresses.roomEvents(room.id()));
    Message root = send(ann, room.id(), "lunch?", null);

    Message reply = send(ben, room.id(), "yes", root.id());
    assertEquals(2, reply.seq());
    assertEquals(root.id(), reply.threadId());
    JsonObject arrived = next(events, FrameTypes.MESSAGE);
    assertEquals(root.id(), next(events, FrameTypes.MESSAGE).getString("threadId"), "the reply, after the root");
    assertNull(arrived.getString("threadId"));
    JsonObject updated = next(events, FrameTypes.MESSAGE_UPDATED);
    assertEquals(reply.version() + 1, updated.getLong("version"));
    Message summarised = Message.fromJson(updated.getJsonObject("message"));
    assertEquals(1, summarised.thread().replyCount());
    assertEquals(List.of(ben.id()), summarised.thread().participants());
    assertEquals(reply.createdAt(), summarised.thread().lastReplyAt());

    send(ann, room.id(), "at noon", root.id());
    Message twice = Message.fromJson(next(events, FrameTypes.MESSAGE_UPDATED).getJsonObject("message"));
    assertEquals(2, twice.thread().replyCount());
    assertEquals(List.of(ben.id(), ann.id()), twice.thread().participants());
    Message synced = Await.result(chat.sync(ben, new SyncQuery(Map.of(room.id(), 0L)))).get(0).messages().stream()
        .filter(message -> message.id().equals(root.id())).findFirst().orElseThrow();
    assertEquals(2, synced.thread().replyCount(), "sync carries the root as it is now");
  }

  @Test
  void aThreadIsATopLevelMessageOfTheSameRoom() {
    Actor cy = AUTH.add("cy", Actor.ROLE_USER);
    Room room = room(chat, cy, "Strict", null);
    Room other = room(chat, cy, "Elsewhere", null);
    Message root = send(cy, room.id(), "root", null);
    Message reply = send(cy, room.id(), "reply", root.id());
    Message foreign = send(cy, other.id(), "other room", null);
    for (String threadId : List.of(reply.id(), foreign.id(), room.id() + "-0000000099", "x", root.id() + "$")) {
      ServiceError refused = failure(chat.send(cy, new NewMessage(room.id(), null, "no", null, null, threadId)));
      assertEquals(ErrorCode.INVALID_INPUT, refused.code(), threadId);
      assertEquals("threadId", refused.errors().get(0).field(), threadId);
    }
    assertEquals(2, roomOf(chat, cy, room.id()).counters().lastSeq(), "nothing refused was stored");
  }

  @Test
  void historyListsTopLevelMessagesOnlyAndPagesOverRepliesByWhatItCounts() {
    Actor dee = AUTH.add("dee", Actor.ROLE_USER);
    Room room = room(chat, dee, "Busy", null);
    Message first = send(dee, room.id(), "first", null);
    for (int i = 0; i < 130; i++) {
      send(dee, room.id(), "reply " + i, first.id());
    }
    Message second = send(dee, room.id(), "second", null);
    Message third = send(dee, room.id(), "third", null);

    HistoryPage newest = Await.result(chat.history(dee, new HistoryQuery(room.id(), null, null, 2)));
    assertEquals(List.of(second.id(), third.id()), ids(newest.messages()));
    assertTrue(newest.hasMore());
    HistoryPage older = Await.result(chat.history(dee, new HistoryQuery(room.id(), second.seq(), null, 2)));
    assertEquals(List.of(first.id()), ids(older.messages()), "130 replies between, skipped");
    assertFalse(older.hasMore());
    HistoryPage after = Await.result(chat.history(dee, new HistoryQuery(room.id(), null, first.seq(), 1)));
    assertEquals(List.of(second.id()), ids(after.messages()));
    assertTrue(after.hasMore());
    assertEquals(130, Await.result(chat.history(dee, new HistoryQuery(room.id(), null, null, 3))).messages().get(0)
        .thread().replyCount());

    RepliesPage latest = Await.result(chat.replies(dee, new RepliesQuery(first.id(), null, null, 100)));
    assertEquals(100, latest.messages().size());
    assertEquals("reply 129", latest.messages().get(99).text());
    assertTrue(latest.hasMore());
    assertEquals(first.id(), latest.root().id());
    RepliesPage earliest = Await.result(chat.replies(dee, new RepliesQuery(first.id(), null, first.seq(), 2)));
    assertEquals(List.of("reply 0", "reply 1"), earliest.messages().stream().map(Message::text).toList());
    RepliesPage before = Await.result(chat.replies(dee, new RepliesQuery(first.id(), earliest.messages().get(1).seq(),
        null, 5)));
    assertEquals(List.of("reply 0"), before.messages().stream().map(Message::text).toList());
    assertFalse(before.hasMore());
  }

  @Test
  void repliesAreForMembersAndAThreadIsNamedByItsRoot() {
    Actor eve = AUTH.add("eve", Actor.ROLE_USER);
    Actor fay = AUTH.add("fay", Actor.ROLE_USER);
    Room room = room(chat, eve, "Open", null);
    Message root = send(eve, room.id(), "root", null);
    Message reply = send(eve, room.id(), "reply", root.id());
    assertEquals(ErrorCode.FORBIDDEN, failure(chat.replies(fay, new RepliesQuery(root.id(), null, null, null))).code());
    assertEquals(ErrorCode.INVALID_INPUT, failure(chat.replies(eve, new RepliesQuery(reply.id(), null, null, null)))
        .code());
    assertEquals(ErrorCode.NOT_FOUND, failure(chat.replies(eve, new RepliesQuery("nope", null, null, null))).code());
  }

  @Test
  void repliesCountAsUnreadOnlyInThreadsTheMemberFollowsUntilTheyReadThem() {
    Actor gus = AUTH.add("gus", Actor.ROLE_USER);
    Actor hal = AUTH.add("hal", Actor.ROLE_USER);
    Room room = room(chat, gus, "Unread", null, hal);
    Message mine = send(gus, room.id(), "gus asks", null);
    Message theirs = send(hal, room.id(), "hal asks", null);
    send(hal, room.id(), "hal answers gus", mine.id());
    send(hal, room.id(), "hal talks to himself", theirs.id());
    Message last = send(hal, room.id(), "hal again", mine.id());

    Room seen = roomOf(chat, gus, room.id());
    assertEquals(3, seen.unread(), "hal's top-level message and the two replies in gus's thread, not hal's own");
    ThreadList followed = Await.result(chat.threads(gus, new ThreadsQuery(null)));
    assertEquals(List.of(mine.id()), followed.threads().stream().map(t -> t.root().id()).toList());
    assertEquals(2, followed.threads().get(0).unreadReplies());
    assertEquals(room.name(), followed.threads().get(0).room().name());

    ThreadReadMark read = Await.result(chat.readThread(gus, new ThreadReadUpTo(mine.id(), last.seq())));
    assertEquals(0, read.unreadReplies());
    assertEquals(1, read.unread(), "hal's top-level message is left");
    assertEquals(1, roomOf(chat, gus, room.id()).unread());
    assertEquals(ErrorCode.INVALID_INPUT, failure(chat.readThread(gus, new ThreadReadUpTo(last.id(), 1))).code());
    assertEquals(List.of(theirs.id()), Await.result(chat.threads(hal, new ThreadsQuery(null))).threads().stream()
        .filter(t -> t.root().id().equals(theirs.id())).map(t -> t.root().id()).toList());
  }


  private static Message send(Actor actor, String roomId, String text, String threadId) {
    return Await.result(chat.send(actor, new NewMessage(roomId, null, text, null, null, threadId))).message();
  }


  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }
}
