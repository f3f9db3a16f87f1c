package io.parley.chat.timeline;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.JournalYield;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Orders every change to a room's timeline, gap-free, across any number of chat-service instances, with no
 * transaction: what neither the embedded store nor a single-node MongoDB offers.
 *
 * <p>A change takes the room's next version by inserting its entry into the change log ({@link ChangeLog}):
 * {@code _id} roomId-version is unique, so the insert that succeeds is both the claim of the number and the
 * durable record of the change, and a new message's client key, unique there too, makes a resend fail the same
 * insert. The change is then applied to {@code messages} ({@link MessageStore}) and the room's checkpoint in
 * {@code room_journal} ({@link JournalCheckpoints}) moved past it; only then is it answered. An instance that dies
 * in between leaves claims past the checkpoint, and whichever instance next writes or catches up the room
 * applies them first. Applying is idempotent: creates are inserts that ignore a duplicate, updates are
 * conditional on the message's version being older.
 *
 * <p>This instance writes through one {@link GroupCommit}: the changes of every room that arrive while a claim is
 * in flight are claimed together in the next one. It learns other instances' changes from their
 * {@code timeline-changed} notices ({@link #observe}); when another instance took a version first anyway, it
 * reads the room again and claims after it. An instance that keeps losing a room asks the others to yield
 * ({@link ChatOperations#JOURNAL_YIELD}); they hold back their next write to it for a moment.
 */
public final class RoomJournal {

  private static final long HOLD_MS = 40;

  private final JournalCheckpoints checkpoints;
  private final ChangeLog changes;
  private final GroupCommit writer;
  private final Orphans orphans;
  private final String instance = Ids.newId();
  private final BusEndpoints yieldRequests;
  private long tokens;

  /**
   * How the writer batches and sheds: the first change of a batch waits up to {@code lingerMs} for others when
   * they come that fast ({@link Linger}); new changes are refused while the oldest unanswered one has waited over
   * {@code queueLimitMs} ({@link Admission}). Zero turns either off.
   */
  public record Settings(long lingerMs, long queueLimitMs) {
    /** Claims that never wait for company, and nothing refused for waiting. */
    public static final Settings IMMEDIATE = new Settings(0, 0);
  }

  /** A journal whose claims never wait for company and that refuses nothing for waiting. */
  public RoomJournal(Vertx vertx, MongoClient mongo) {
    this(vertx, mongo, Settings.IMMEDIATE);
  }

  public RoomJournal(Vertx vertx, MongoClient mongo, Settings settings) {
    this.changes = new ChangeLog(mongo);
    this.checkpoints = new JournalCheckpoints(mongo);
    MessageStore messages = new MessageStore(mongo);
    this.orphans = new Orphans(vertx, messages, instance);
    BusClient bus = new BusClient(vertx.eventBus());
    this.writer = new GroupCommit(vertx, changes, messages, checkpoints, orphans, settings, roomId ->
        bus.publish(ChatOperations.JOURNAL_YIELD, new JournalYield(roomId, instance, HOLD_MS)));
    this.yieldRequests = new BusEndpoints(vertx.eventBus()).listen(ChatOperations.JOURNAL_YIELD, request -> {
      JournalRoom room = writer.existing(request.roomId());
      if (room != null && !instance.equals(request.instance())) {
        room.holdUntil = Math.max(room.holdUntil, System.currentTimeMillis() + request.holdMs());
      }
    });
  }

  /** Completes once the change log's unique client key exists and this journal hears requests to yield. */
  public Future<Void> ready() {
    return Future.all(yieldRequests.ready(), changes.createIndexes()).mapEmpty();
  }

  /** An update of a message: the fields to set and to remove, and the message as they leave it (no version). */
  public record Update(JsonObject set, JsonObject unset, JsonObject after) {
  }

  /**
   * A change as recorded: the room's numbers it took, and the message as it left it, versioned. {@code isNew}
   * says a post made a new message; a post whose client key was used before answers the first message, with
   * {@code isNew} false.
   */
  public record Recorded(long seq, long version, JsonObject message, boolean isNew) {
    static Recorded resent(JsonObject first) {
      return new Recorded(first.getLong("seq"), first.getLong("version"), first, false);
    }
  }

  /**
   * Counters of many rooms in one read, for room lists, each room asked for included ({@link RoomCounters#ZERO}
   * without a journal): every change up to them is applied, and every change answered is within them.
   */
  public Future<Map<String, RoomCounters>> countersOf(List<String> roomIds) {
    return checkpoints.countersOf(roomIds);
  }

  /** One room's counters as {@link #countersOf(List)} reads them. */
  public Future<RoomCounters> countersOf(String roomId) {
    return countersOf(List.of(roomId)).map(all -> all.get(roomId));
  }

  /**
   * Records a new message, made by {@code newMessage} for the seq it takes. With a client key (the sender's and
   * clientMsgId, {@link #clientKey}) that made a message before, nothing is recorded and the answer is that one.
   */
  public Future<Recorded> post(String roomId, String clientKey, LongFunction<JsonObject> newMessage) {
    return writer.submit(PendingChange.post(roomId, nextToken(), clientKey, newMessage));
  }

  /**
   * Records an update of a message: {@code decide} sees the message as stored (null when there is none) once
   * every earlier change of the room is applied, and answers the update, or throws to record nothing.
   */
  public Future<Recorded> change(String roomId, String messageId, Function<JsonObject, Update> decide) {
    return writer.submit(PendingChange.update(roomId, nextToken(), messageId, decide));
  }

  public static String clientKey(String senderId, String clientMsgId) {
    return ChangeLog.clientKey(senderId, clientMsgId);
  }

  /**
   * Applies whatever was claimed but not applied (by an instance that died), so reads see every numbered change;
   * answers the counters that every change up to them is applied at.
   */
  public Future<RoomCounters> catchUp(String roomId) {
    JournalRoom room = writer.room(roomId);
    if (room.removed) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    Promise<RoomCounters> caughtUp = Promise.promise();
    room.catchUps.add(caughtUp);
    writer.wake(room);
    return caughtUp.future();
  }

  /**
   * Messages changed by claims of another instance that this one found and applied, and that nobody announced
   * within a grace period ({@link Orphans}): their claimant most likely died first.
   */
  void onRecovered(Consumer<List<Orphans.Recovered>> announce) {
    orphans.onRecovered(announce);
  }

  /**
   * A change's notice, this instance's or another's: the room's numbers move on without a read when nothing is
   * missed, and what it announced is not announced again ({@link Orphans}).
   */
  public void observe(String roomId, long version, long seq, String messageId) {
    orphans.noticed(roomId, messageId, version);
    JournalRoom room = writer.existing(roomId);
    if (room == null || !room.loaded || version <= room.version) {
      return;
    }
    if (version == room.version + 1) {
      room.version = version;
      room.lastSeq = Math.max(room.lastSeq, seq);
    } else {
      room.loaded = false;
    }
  }

  /** Creates the journal of a new room; harmless when it exists already. */
  public Future<Void> create(String roomId) {
    return checkpoints.create(roomId);
  }

  /**
   * Removes the journal of a room being deleted, once what this instance has in flight for it is written; this
   * instance then records nothing more for the room, and does not make it a new journal.
   */
  public Future<Void> remove(String roomId) {
    JournalRoom room = writer.room(roomId);
    room.removed = true;
    orphans.forget(roomId);
    if (room.drained == null) {
      room.drained = Promise.promise();
    }
    writer.wake(room);
    return room.drained.future().compose(drained -> checkpoints.remove(roomId));
  }

  private String nextToken() {
    return instance + "." + (++tokens);
  }
}
