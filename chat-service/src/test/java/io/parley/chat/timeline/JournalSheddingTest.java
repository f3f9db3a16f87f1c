package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.Counter;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.JournalYield;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.platform.MongoStore;
import io.parley.platform.management.Metrics;
import io.parley.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Past what the store takes, the journal refuses new messages at once, saying when to send again, rather than
 * queue what their senders would give up on; a refused change records nothing. The store is made to fall behind by
 * asking the writer to hold back from the room, as another instance does when it keeps losing the room.
 */
@ExtendWith(VertxExtension.class)
class JournalSheddingTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final long LIMIT_MS = 100;

  private Vertx vertx;
  private Context context;
  private MongoClient mongo;
  private RoomJournal journal;
  private final String roomId = Ids.newId();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.mongo = MongoStore.client(vertx, new JsonObject()
        .put(CommonConfig.MONGO_URI, STORE.connectionString())
        .put(CommonConfig.MONGO_DB, "shedding-" + Ids.newId()), "shedding-test-" + Ids.newId());
    this.journal = Await.result(call(() -> {
      RoomJournal made = new RoomJournal(vertx, mongo, new RoomJournal.Settings(0, LIMIT_MS));
      return made.ready().map(made);
    }));
    assertEquals(1L, Await.result(call(() -> post("opening"))).seq());
  }

  @Test
  void whileAChangeWaitsPastTheLimitNewOnesAreRefusedAtOnceAndRecordNothing() throws InterruptedException {
    Counter refusals = Metrics.registry().counter("parley_chat_changes_refused");
    double refusedBefore = refusals.count();
    holdRoom(1_500);
    Future<RoomJournal.Recorded> waiting = call(() -> post("waits"));
    Thread.sleep(3 * LIMIT_MS);

    ServiceError refused = ServiceError.from(Await.failure(call(() -> post("refused"))));
    Future<RoomJournal.Recorded> edit = call(() -> edit(MessageStore.messageId(roomId, 1), "opening, edited"));

    assertFalse(waiting.isComplete(), "refused while the first still waits, not after");
    assertEquals(ErrorCode.UNAVAILABLE, refused.code());
    assertEquals(1, refused.retryAfterSeconds());
    assertEquals(1.0, refusals.count() - refusedBefore);
    assertEquals(2L, Await.result(waiting).seq());
    assertEquals(3L, Await.result(edit).version(), "an update is not refused for the limit: it waits its turn");
    assertEquals(3L, Await.result(call(() -> post("after"))).seq(), "once nothing waits, changes are taken again");
    assertEquals(List.of("opening, edited", "waits", "after"), storedTexts(3));
  }

  @Test
  void aChangeStillUnclaimedWhenItsSenderGivesUpIsRefusedNotWritten() {
    holdRoom(Admission.GIVE_UP_NANOS / 1_000_000 + 500);

    ServiceError refused = ServiceError.from(Await.failure(call(() -> post("too late"))));

    assertEquals(ErrorCode.UNAVAILABLE, refused.code());
    assertEquals(2L, Await.result(call(() -> post("next"))).seq(), "the refused change took no seq");
    assertEquals(List.of("opening", "next"), storedTexts(2));
  }

  /** Asks the writer, as another instance would, to hold back from the room for {@code ms}. */
  private void holdRoom(long ms) {
    new BusClient(vertx.eventBus()).publish(ChatOperations.JOURNAL_YIELD, new JournalYield(roomId, "other", ms));
  }

  private Future<RoomJournal.Recorded> post(String text) {
    return JournalWrites.post(journal, roomId, text);
  }

  private Future<RoomJournal.Recorded> edit(String messageId, String text) {
    return JournalWrites.edit(journal, roomId, messageId, text);
  }

  private List<String> storedTexts(long lastSeq) {
    return Await.result(new MessageStore(mongo).range(roomId, 1, lastSeq)).stream()
        .map(message -> message.getString("text")).toList();
  }

  private <T> Future<T> call(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> work.get().onComplete(promise));
    return promise.future();
  }
}
