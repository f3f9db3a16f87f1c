package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.chat.events.RoomEvents;
import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStoreExtension;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes an instance claimed and died before announcing reach the room's members anyway: the instance that
 * next reads the room applies them and, when no notice of them comes within the grace period, announces each
 * message changed, as stored, once. A change whose claimant is alive and announces it is not announced again,
 * whether its notice comes before or after the read finds it.
 */
@ExtendWith(VertxExtension.class)
class OrphanedClaimsTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final UserRef ANN = new UserRef("annaaaaaaaaaaaaaaaaa", "ann", "Ann");

  private Vertx vertx;
  private MongoClient mongo;
  private String roomId;
  private Context context;
  private RoomJournal journal;
  private Timeline timeline;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    this.mongo = MongoStore.client(vertx, new JsonObject().put(CommonConfig.MONGO_URI, STORE.connectionString())
        .put(CommonConfig.MONGO_DB, "orphans-" + Ids.newId()), "orphans-" + Ids.newId());
    this.roomId = Ids.newId();
    this.context = vertx.getOrCreateContext();
    // A journal and its timeline are used on the context that made them, as chat-service's verticle does.
    this.timeline = Await.result(call(() -> {
      journal = new RoomJournal(vertx, mongo);
      Timeline made = new Timeline(journal, new RecentMessages(10),
          new RoomEvents(vertx, new BusClient(vertx.eventBus()), null));
      return journal.ready().map(made);
    }));
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.roomEvents(roomId),
        event -> frames.add(event.body())).completion());
  }

  private <T> Future<T> call(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(ignored -> work.get().onComplete(promise));
    return promise.future();
  }

  @Test
  void aMessageAndAnEditClaimedByAnInstanceThatDiedReachTheMembersOnce() throws InterruptedException {
    String first = post("before the crash 1", "c1").id();
    post("before the crash 2", "c2");
    take(2);
    // What the instance that died had claimed: a new message (Ann's c3, unanswered), then an edit of the first.
    claimOrphans(ChangeEntry.create(roomId, 3, "gone.1", RoomJournal.clientKey(ANN.id(), "c3"),
            MessageStore.newMessage(roomId, 3, ANN, "claimed, never announced", "c3", null)),
        ChangeEntry.update(roomId, 4, 3, "gone.2", first, new JsonObject().put("text", "edited, never announced"),
            new JsonObject()));

    // Ann's client sends c3 again, to this instance: it answers with the stored message, not a new one.
    Timeline.Outcome again = Await.result(call(() ->
        timeline.post(roomId, ANN, "claimed, never announced", "c3", null)));
    assertFalse(again.changed());
    assertEquals(3L, again.message().seq());

    List<JsonObject> told = take(2);
    assertEquals("message", told.get(0).getString("type"));
    assertEquals(3L, told.get(0).getLong("version"));
    assertFalse(told.get(0).getBoolean("sync", false), "a new message to the members, as live");
    assertEquals("claimed, never announced", told.get(0).getJsonObject("message").getString("text"));
    assertEquals("message_updated", told.get(1).getString("type"));
    assertEquals(4L, told.get(1).getLong("version"));
    assertEquals("edited, never announced", told.get(1).getJsonObject("message").getString("text"));
    assertEquals(null, frames.poll(Orphans.GRACE_MS + 500, TimeUnit.MILLISECONDS), "each once");

    post("after the crash", "c4");
    assertEquals(5L, take(1).get(0).getLong("version"));
  }

  @Test
  void aChangeWhoseClaimantAnnouncesItIsNotAnnouncedAgain() throws InterruptedException {
    firstMessageThenALiveInstancesClaim();

    Await.result(call(() -> journal.catchUp(roomId).map(caughtUp -> {
      // The claimant's notice, as every instance hears it once the claimant has applied and announced its change.
      journal.observe(roomId, 2, 2, MessageStore.messageId(roomId, 2));
      return caughtUp;
    })));

    assertEquals(null, frames.poll(Orphans.GRACE_MS + 500, TimeUnit.MILLISECONDS));
    post("second", "c3");
    assertEquals(3L, take(1).get(0).getLong("version"));
  }

  @Test
  void aNoticeHeardBeforeTheReadFindsItsClaimCountsToo() throws InterruptedException {
    firstMessageThenALiveInstancesClaim();

    // The claimant's notice comes while this instance has not read the room yet.
    Await.result(call(() -> {
      journal.observe(roomId, 2, 2, MessageStore.messageId(roomId, 2));
      return journal.catchUp(roomId);
    }));

    assertEquals(null, frames.poll(Orphans.GRACE_MS + 500, TimeUnit.MILLISECONDS));
  }

  @Test
  void aMessageCreatedAndDeletedByTheDeadInstanceIsAnnouncedDeleted() throws InterruptedException {
    post("first", "c1");
    take(1);
    String orphan = MessageStore.messageId(roomId, 2);
    claimOrphans(ChangeEntry.create(roomId, 2, "gone.1", null,
            MessageStore.newMessage(roomId, 2, ANN, "said and taken back", "c2", null)),
        ChangeEntry.update(roomId, 3, 2, "gone.2", orphan,
            new JsonObject().put("deleted", true).put("text", ""), new JsonObject()));
    Await.result(call(() -> journal.catchUp(roomId)));

    JsonObject told = take(1).get(0);
    assertEquals("message_deleted", told.getString("type"), "not a new message to count as unread");
    assertEquals(orphan, told.getString("messageId"));
    assertEquals(3L, told.getLong("version"));
  }

  @Test
  void anotherInstancesAnnouncementOfTheMessageAtALaterVersionAnswersForItsEarlierChanges()
      throws InterruptedException {
    post("first", "c1");
    take(1);
    String orphan = MessageStore.messageId(roomId, 2);
    claimOrphans(ChangeEntry.create(roomId, 2, "gone.1", null,
            MessageStore.newMessage(roomId, 2, ANN, "claimed, never announced", "c2", null)),
        ChangeEntry.update(roomId, 3, 2, "gone.2", orphan, new JsonObject().put("text", "edited"),
            new JsonObject()));

    Await.result(call(() -> journal.catchUp(roomId).map(caughtUp -> {
      // Another instance that read the room too announced the message, as stored at its latest change.
      journal.observe(roomId, 3, 2, orphan);
      return caughtUp;
    })));

    assertEquals(null, frames.poll(Orphans.GRACE_MS + 500, TimeUnit.MILLISECONDS));
  }

  @Test
  void aRoomDeletedWithinTheGracePeriodAnnouncesNothing() throws InterruptedException {
    firstMessageThenALiveInstancesClaim();
    Await.result(call(() -> journal.catchUp(roomId).compose(caughtUp -> journal.remove(roomId))));

    assertEquals(null, frames.poll(Orphans.GRACE_MS + 500, TimeUnit.MILLISECONDS));
  }

  /** A first message from here, then version 2 claimed by another instance that is applying it. */
  private void firstMessageThenALiveInstancesClaim() throws InterruptedException {
    post("first", "c1");
    take(1);
    claimOrphans(ChangeEntry.create(roomId, 2, "alive.1", RoomJournal.clientKey(ANN.id(), "c2"),
        MessageStore.newMessage(roomId, 2, ANN, "claimed by a live instance", "c2", null)));
  }

  private Message post(String text, String clientMsgId) {
    return Await.result(call(() -> timeline.post(roomId, ANN, text, clientMsgId, null))).message();
  }

  private void claimOrphans(ChangeEntry... entries) {
    Await.result(new ChangeLog(mongo).claim(List.of(entries)));
  }

  private List<JsonObject> take(int count) throws InterruptedException {
    List<JsonObject> taken = new ArrayList<>();
    while (taken.size() < count) {
      JsonObject frame = frames.poll(Orphans.GRACE_MS + 4_000, TimeUnit.MILLISECONDS);
      assertFalse(frame == null, "only " + taken + " of " + count + " frames came");
      taken.add(frame);
    }
    return taken;
  }
}
