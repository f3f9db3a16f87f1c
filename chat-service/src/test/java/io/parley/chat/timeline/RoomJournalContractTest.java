package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Ids;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.UserRef;
import io.parley.platform.CommonConfig;
import io.parley.platform.MongoStore;
import io.parley.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What RoomJournal promises, against a store: two instances (two chat-service processes) appending to one
 * room at once number it gap-free in seq and version, and a change an instance recorded but did not apply
 * before it died is applied by the next one to touch the room. Written once, run on the embedded store and on
 * MongoDB 7.
 */
@ExtendWith(VertxExtension.class)
abstract class RoomJournalContractTest {

  private static final UserRef SENDER = new UserRef("senderaaaaaaaaaaaaaa", "sender", "Sender");

  private Vertx vertx;
  private MongoClient mongo;
  private String roomId;

  /** A connection string of the store under test. */
  abstract String mongoUri();

  @BeforeEach
  void connect(Vertx vertx) {
    this.vertx = vertx;
    this.mongo = MongoStore.client(vertx, new JsonObject()
        .put(CommonConfig.MONGO_URI, mongoUri())
        .put(CommonConfig.MONGO_DB, "journal-" + Ids.newId()), "journal-test-" + Ids.newId());
    this.roomId = Ids.newId();
  }

  @Test
  void twoInstancesWritingAtOnceNumberTheRoomGapFree() {
    Instance first = new Instance();
    Instance second = new Instance();
    String firstMessage = MessageStore.messageId(roomId, 1);
    Await.result(first.call(() -> create(first.journal, "opening")));

    List<Future<RoomJournal.Recorded>> records = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String label = "#" + i;
      records.add(first.call(() -> create(first.journal, "first " + label)));
      records.add(second.call(() -> create(second.journal, "second " + label)));
      if (i % 2 == 0) {
        records.add(first.call(() -> edit(first.journal, firstMessage, "edited by first " + label)));
        records.add(second.call(() -> edit(second.journal, firstMessage, "edited by second " + label)));
      }
    }
    List<RoomJournal.Recorded> recorded = records.stream().map(r -> Await.result(r, 60)).toList();

    List<Long> versions = recorded.stream().map(RoomJournal.Recorded::version).sorted().toList();
    assertEquals(LongStream.rangeClosed(2, 181).boxed().toList(), versions);
    List<Long> seqs = recorded.stream().filter(r -> r.entry().getString("kind").equals("create"))
        .map(RoomJournal.Recorded::seq).sorted().toList();
    assertEquals(LongStream.rangeClosed(2, 121).boxed().toList(), seqs);

    RoomCounters counters = Await.result(first.call(() -> first.journal.catchUp(roomId)));
    assertEquals(121L, counters.lastSeq());
    assertEquals(181L, counters.version());
    List<JsonObject> stored = Await.result(new MessageStore(mongo).range(roomId, 1, 121));
    assertEquals(LongStream.rangeClosed(1, 121).boxed().toList(), stored.stream().map(m -> m.getLong("seq")).toList());
    RoomJournal.Recorded lastEdit = recorded.stream().filter(r -> r.entry().getString("kind").equals("update"))
        .max((a, b) -> Long.compare(a.version(), b.version())).orElseThrow();
    JsonObject opening = stored.get(0);
    assertEquals(lastEdit.version(), opening.getLong("version"));
    assertEquals(lastEdit.message().getString("text"), opening.getString("text"));
  }

  @Test
  void anInstanceWithALongQueueDoesNotStarveTheOther() {
    Instance busy = new Instance();
    Instance other = new Instance();
    List<Future<RoomJournal.Recorded>> records = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String key = "busy-" + i;
      records.add(busy.call(() -> createOnce(busy.journal, key)));
    }
    for (int i = 0; i < 150; i++) {
      String key = "other-" + i;
      records.add(other.call(() -> createOnce(other.journal, key)));
    }

    List<Long> seqs = records.stream().map(r -> Await.result(r, 60).seq()).sorted().toList();
    assertEquals(LongStream.rangeClosed(1, 300).boxed().toList(), seqs);
  }

  @Test
  void aChangeLeftPendingByAnInstanceThatDiedIsAppliedByTheNextOne() {
    Instance died = new Instance();
    for (int i = 1; i <= 3; i++) {
      String text = "before the crash " + i;
      Await.result(died.call(() -> create(died.journal, text)));
    }
    // What record() writes in its compare-and-set, with the instance gone before it applies the change.
    JsonObject orphan = MessageStore.newMessage(roomId, 4, SENDER, "recorded, never applied", null, null);
    JsonObject cas = new JsonObject().put("$set", new JsonObject().put("version", 4L).put("lastSeq", 4L)
        .put("pending.4", new JsonObject().put("kind", "create").put("message", orphan).put("version", 4L)));
    assertEquals(1L, Await.result(mongo.updateCollection(RoomJournal.JOURNAL,
        new JsonObject().put("_id", roomId).put("version", 3L), cas)).getDocMatched());
    assertEquals(null, Await.result(new MessageStore(mongo).findById(MessageStore.messageId(roomId, 4))));

    Instance next = new Instance();
    RoomJournal.Recorded after = Await.result(next.call(() -> create(next.journal, "after the crash")));
    assertEquals(5L, after.seq());
    assertEquals(5L, after.version());
    JsonObject applied = Await.result(new MessageStore(mongo).findById(MessageStore.messageId(roomId, 4)));
    assertNotNull(applied);
    assertEquals("recorded, never applied", applied.getString("text"));
    assertEquals(4L, applied.getLong("version"));

    RoomJournal.Recorded stale = Await.result(died.call(() -> create(died.journal, "from the old state")));
    assertEquals(6L, stale.seq());
    JsonObject journal = Await.result(mongo.findOne(RoomJournal.JOURNAL, new JsonObject().put("_id", roomId), null));
    assertTrue(journal.getJsonObject("pending").size() <= 1, journal.encode());
  }

  @Test
  void readsApplyAChangeLeftPending() {
    Instance writer = new Instance();
    Await.result(writer.call(() -> create(writer.journal, "one")));
    JsonObject orphan = MessageStore.newMessage(roomId, 2, SENDER, "two", null, null);
    Await.result(mongo.updateCollection(RoomJournal.JOURNAL, new JsonObject().put("_id", roomId),
        new JsonObject().put("$set", new JsonObject().put("version", 2L).put("lastSeq", 2L)
            .put("pending.2", new JsonObject().put("kind", "create").put("message", orphan).put("version", 2L)))));

    Instance reader = new Instance();
    RoomCounters counters = Await.result(reader.call(() -> reader.journal.catchUp(roomId)));

    assertEquals(2L, counters.version());
    assertEquals(List.of("one", "two"), Await.result(new MessageStore(mongo).range(roomId, 1, 2)).stream()
        .map(m -> m.getString("text")).toList());
  }

  private Future<RoomJournal.Recorded> create(RoomJournal journal, String text) {
    return journal.record(roomId, (seq, version) -> {
      JsonObject message = MessageStore.newMessage(roomId, seq, SENDER, text, null, null);
      return Future.succeededFuture(new RoomJournal.Entry(true,
          new JsonObject().put("kind", "create").put("message", message), message));
    });
  }

  /** A create as a send with a clientMsgId makes it: reading the sender's keys while it is prepared. */
  private Future<RoomJournal.Recorded> createOnce(RoomJournal journal, String clientMsgId) {
    MessageStore messages = new MessageStore(mongo);
    return journal.record(roomId, (seq, version) -> messages.messageIdForClientKey(SENDER.id(),
        clientMsgId).map(earlier -> {
          JsonObject message = MessageStore.newMessage(roomId, seq, SENDER, clientMsgId, clientMsgId, null);
          return new RoomJournal.Entry(true, new JsonObject().put("kind", "create").put("message", message), message);
        }));
  }

  private Future<RoomJournal.Recorded> edit(RoomJournal journal, String messageId, String text) {
    MessageStore messages = new MessageStore(mongo);
    return journal.record(roomId, (seq, version) -> messages.findById(messageId).map(current -> {
      JsonObject set = new JsonObject().put("text", text);
      return new RoomJournal.Entry(false, new JsonObject().put("kind", "update").put("messageId", messageId)
          .put("set", set), current.copy().mergeIn(set));
    }));
  }

  /** One chat-service instance: its own journal, made and used on its own event-loop context only. */
  private final class Instance {
    final Context context = newContext();
    final RoomJournal journal = Await.result(call(() -> {
      RoomJournal made = new RoomJournal(vertx, mongo);
      return made.ready().map(made);
    }));

    <T> Future<T> call(Supplier<Future<T>> work) {
      Promise<T> promise = Promise.promise();
      context.runOnContext(ignored -> work.get().onComplete(promise));
      return promise.future();
    }

    private Context newContext() {
      // A context is sticky to the thread that asks for it: a new thread gets a new one.
      CompletableFuture<Context> created = new CompletableFuture<>();
      new Thread(() -> created.complete(vertx.getOrCreateContext())).start();
      return created.join();
    }
  }
}
