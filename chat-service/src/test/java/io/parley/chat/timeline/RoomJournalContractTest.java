package io.parley.chat.timeline;

import static io.parley.chat.timeline.JournalWrites.SENDER;
import static io.parley.chat.timeline.JournalWrites.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Ids;
import io.parley.contract.model.RoomCounters;
import io.parley.platform.CommonConfig;
import io.parley.platform.MongoStore;
import io.parley.platform.management.Metrics;
import io.micrometer.core.instrument.DistributionSummary;
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
 * room at once number it gap-free in seq and version; the changes of many rooms that arrive together share one
 * batch; a batch stopped half way by a version another instance took loses nothing; a clientMsgId sent twice
 * makes one message; and a change an instance claimed (or, in the journal's older form, recorded) but did not
 * apply before it died is applied by the next one to touch the room. Written once, run on the embedded store
 * and on MongoDB 7.
 */
@ExtendWith(VertxExtension.class)
abstract class RoomJournalContractTest {

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
    List<Long> seqs = recorded.stream().filter(RoomJournal.Recorded::isNew)
        .map(RoomJournal.Recorded::seq).sorted().toList();
    assertEquals(LongStream.rangeClosed(2, 121).boxed().toList(), seqs);

    RoomCounters counters = Await.result(first.call(() -> first.journal.catchUp(roomId)));
    assertEquals(121L, counters.lastSeq());
    assertEquals(181L, counters.version());
    List<JsonObject> stored = Await.result(new MessageStore(mongo).range(roomId, 1, 121));
    assertEquals(LongStream.rangeClosed(1, 121).boxed().toList(), stored.stream().map(m -> m.getLong("seq")).toList());
    RoomJournal.Recorded lastEdit = recorded.stream().filter(r -> !r.isNew())
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
    assertEquals(1L, Await.result(mongo.updateCollection(JournalCheckpoints.JOURNAL,
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
    JsonObject journal = Await.result(mongo.findOne(JournalCheckpoints.JOURNAL, new JsonObject().put("_id", roomId), null));
    assertTrue(journal.getJsonObject("pending", new JsonObject()).size() <= 1, journal.encode());
  }

  @Test
  void readsApplyAChangeLeftPending() {
    Instance writer = new Instance();
    Await.result(writer.call(() -> create(writer.journal, "one")));
    JsonObject orphan = MessageStore.newMessage(roomId, 2, SENDER, "two", null, null);
    Await.result(mongo.updateCollection(JournalCheckpoints.JOURNAL, new JsonObject().put("_id", roomId),
        new JsonObject().put("$set", new JsonObject().put("version", 2L).put("lastSeq", 2L)
            .put("pending.2", new JsonObject().put("kind", "create").put("message", orphan).put("version", 2L)))));

    Instance reader = new Instance();
    RoomCounters counters = Await.result(reader.call(() -> reader.journal.catchUp(roomId)));

    assertEquals(2L, counters.version());
    assertEquals(List.of("one", "two"), Await.result(new MessageStore(mongo).range(roomId, 1, 2)).stream()
        .map(m -> m.getString("text")).toList());
  }

  @Test
  void moreChangesThanOneClaimTakesAreClaimedInSeveralInOrder() {
    Instance writer = new Instance();
    List<String> rooms = List.of(Ids.newId(), Ids.newId(), Ids.newId());
    int perRoom = GroupCommit.MAX_CLAIM;
    DistributionSummary batches = Metrics.registry().find("parley_chat_write_batch").summary();
    long batchesBefore = batches.count();

    Await.result(writer.call(() -> postInTurn(writer.journal, rooms, perRoom)));

    assertTrue(batches.count() - batchesBefore >= rooms.size(), "3,000 changes in claims of at most 1,000");
    assertTrue(batches.max() <= GroupCommit.MAX_CLAIM, "the largest batch: " + batches.max());
    for (String room : rooms) {
      List<JsonObject> stored = Await.result(new MessageStore(mongo).range(room, 1, perRoom));
      assertEquals(LongStream.rangeClosed(1, perRoom).boxed().toList(),
          stored.stream().map(m -> m.getLong("seq")).toList());
      assertEquals(room + " #" + (perRoom - 1), stored.get(perRoom - 1).getString("text"), "in the order posted");
    }
  }

  @Test
  void theChangesOfManyRoomsThatArriveTogetherAreClaimedInOneBatch() {
    Instance writer = new Instance();
    List<String> rooms = List.of(Ids.newId(), Ids.newId(), Ids.newId(), Ids.newId(), Ids.newId());
    DistributionSummary batches = Metrics.registry().find("parley_chat_write_batch").summary();
    long batchesBefore = batches.count();
    double changesBefore = batches.totalAmount();

    List<RoomJournal.Recorded> recorded = Await.result(writer.call(() -> postInTurn(writer.journal, rooms, 10)));

    assertEquals(1, batches.count() - batchesBefore, "fifty changes of five rooms, claimed and applied at once");
    assertEquals(50.0, batches.totalAmount() - changesBefore);
    assertTrue(Metrics.registry().scrape().contains("parley_chat_store_write_seconds_bucket{le=\"0.001\""),
        "the write's latency in buckets, for its percentiles");
    for (String room : rooms) {
      List<JsonObject> stored = Await.result(new MessageStore(mongo).range(room, 1, 10));
      assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), stored.stream().map(m -> m.getLong("seq")).toList());
      for (int i = 0; i < 10; i++) {
        assertEquals(room + " #" + i, stored.get(i).getString("text"), "in the order they were posted");
      }
      assertEquals(new RoomCounters(10, 10), Await.result(writer.call(() -> writer.journal.countersOf(room))));
    }
    assertEquals(50, recorded.stream().filter(RoomJournal.Recorded::isNew).count());
  }

  @Test
  void aBatchStoppedHalfWayByAVersionTakenElsewhereLosesNothingAndLeavesNoGap() {
    Instance writer = new Instance();
    String first = Ids.newId();
    String second = Ids.newId();
    String third = Ids.newId();
    for (String room : List.of(first, second, third)) {
      Await.result(writer.call(() -> post(writer.journal, room, room + " opening")));
    }
    // Another instance claimed the second room's version 2, then died before applying it.
    JsonObject theirs = MessageStore.newMessage(second, 2, SENDER, "theirs", null, null);
    Await.result(new ChangeLog(mongo).claim(List.of(ChangeEntry.create(second, 2, "gone.1", null, theirs))));

    List<RoomJournal.Recorded> recorded = Await.result(writer.call(() -> {
      List<Future<RoomJournal.Recorded>> posts = new ArrayList<>();
      for (String room : List.of(first, second, third)) {
        posts.add(post(writer.journal, room, room + " a"));
        posts.add(post(writer.journal, room, room + " b"));
      }
      return Future.all(posts).map(all -> all.<RoomJournal.Recorded>list());
    }));

    assertEquals(List.of(2L, 3L, 3L, 4L, 2L, 3L), recorded.stream().map(RoomJournal.Recorded::seq).toList());
    assertEquals(List.of("opening", "theirs", "a", "b"), texts(second, 4));
    assertEquals(List.of("opening", "a", "b"), texts(first, 3));
    assertEquals(List.of("opening", "a", "b"), texts(third, 3));
    assertEquals(new RoomCounters(4, 4), Await.result(writer.call(() -> writer.journal.countersOf(second))));
  }

  @Test
  void aClientMsgIdSentAgainInTheSameBatchOrALaterOneAnswersTheFirstMessage() {
    Instance writer = new Instance();
    List<RoomJournal.Recorded> together = Await.result(writer.call(() -> Future.all(
            createOnce(writer.journal, "k1"), createOnce(writer.journal, "k1"), createOnce(writer.journal, "k2"))
        .map(all -> all.<RoomJournal.Recorded>list())));
    Instance other = new Instance();
    RoomJournal.Recorded later = Await.result(other.call(() -> createOnce(other.journal, "k1")));
    RoomJournal.Recorded again = Await.result(writer.call(() -> createOnce(writer.journal, "k2")));

    assertTrue(together.get(0).isNew());
    assertEquals(List.of(false, true, false, false), List.of(together.get(1).isNew(), together.get(2).isNew(),
        later.isNew(), again.isNew()));
    String firstId = together.get(0).message().getString("_id");
    assertEquals(firstId, together.get(1).message().getString("_id"));
    assertEquals(firstId, later.message().getString("_id"));
    assertEquals(together.get(2).message().getString("_id"), again.message().getString("_id"));
    assertEquals(List.of("k1", "k2"), texts(roomId, 3));
    assertEquals(new RoomCounters(2, 2), Await.result(writer.call(() -> writer.journal.countersOf(roomId))));
  }

  @Test
  void claimsLeftPastTheCheckpointByAnInstanceThatDiedAreAppliedByTheNextWriterOrReader() {
    Instance died = new Instance();
    for (int i = 1; i <= 3; i++) {
      String text = "before the crash " + i;
      Await.result(died.call(() -> create(died.journal, text)));
    }
    // What a claim writes, with the instance gone before applying it: a new message, then an edit of the first.
    JsonObject orphan = MessageStore.newMessage(roomId, 4, SENDER, "claimed, never applied", null, null);
    String firstId = MessageStore.messageId(roomId, 1);
    Await.result(new ChangeLog(mongo).claim(List.of(ChangeEntry.create(roomId, 4, "gone.1", null, orphan),
        ChangeEntry.update(roomId, 5, 4, "gone.2", firstId, new JsonObject().put("text", "edited, never applied"),
            new JsonObject()))));
    assertEquals(new RoomCounters(3, 3), Await.result(died.call(() -> died.journal.countersOf(roomId))));

    Instance reader = new Instance();
    assertEquals(new RoomCounters(4, 5), Await.result(reader.call(() -> reader.journal.catchUp(roomId))));
    assertEquals(List.of("edited, never applied", "before the crash 2", "before the crash 3",
        "claimed, never applied"), texts(roomId, 4));

    RoomJournal.Recorded stale = Await.result(died.call(() -> create(died.journal, "from the old state")));
    assertEquals(5L, stale.seq());
    assertEquals(6L, stale.version());
    assertEquals(5L, Await.result(new MessageStore(mongo).findById(firstId)).getLong("version"));
  }

  private Future<RoomJournal.Recorded> create(RoomJournal journal, String text) {
    return post(journal, roomId, text);
  }

  /** {@code perRoom} messages to each room, all at once, the rooms taking turns: "ROOM #0", "ROOM #1"... */
  private static Future<List<RoomJournal.Recorded>> postInTurn(RoomJournal journal, List<String> rooms, int perRoom) {
    List<Future<RoomJournal.Recorded>> posts = new ArrayList<>();
    for (int i = 0; i < perRoom; i++) {
      for (String room : rooms) {
        posts.add(post(journal, room, room + " #" + i));
      }
    }
    return Future.all(posts).map(all -> all.<RoomJournal.Recorded>list());
  }

  /** The texts of a room's messages 1 to lastSeq, without the room id some tests prefix them with. */
  private List<String> texts(String room, long lastSeq) {
    return Await.result(new MessageStore(mongo).range(room, 1, lastSeq)).stream()
        .map(m -> m.getString("text").replace(room + " ", "")).toList();
  }

  /** A create as a send with a clientMsgId makes it: its client key claimed with its version. */
  private Future<RoomJournal.Recorded> createOnce(RoomJournal journal, String clientMsgId) {
    return journal.post(roomId, RoomJournal.clientKey(SENDER.id(), clientMsgId),
        seq -> MessageStore.newMessage(roomId, seq, SENDER, clientMsgId, clientMsgId, null));
  }

  private Future<RoomJournal.Recorded> edit(RoomJournal journal, String messageId, String text) {
    return JournalWrites.edit(journal, roomId, messageId, text);
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
