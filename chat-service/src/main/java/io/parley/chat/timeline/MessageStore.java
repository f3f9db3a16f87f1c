package io.parley.chat.timeline;

import io.parley.contract.Ids;
import io.parley.contract.model.Attachment;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.Pin;
import io.parley.contract.model.ThreadSummary;
import io.parley.contract.model.UserRef;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code messages} collection. A message's {@code _id} is its room id and zero-padded seq, so any page of
 * history is a set of known ids: reads go through the {@code _id} index on the embedded store and on MongoDB
 * alike, however deep the page. Only the {@link RoomJournal} writes here, by applying the change log's entries,
 * which is why every write is safe to repeat.
 */
public final class MessageStore {

  private static final String MESSAGES = "messages";
  // Every apply is followed by a durable write of the rooms' checkpoints before anything is answered.
  private static final BulkWriteOptions ORDERED = new BulkWriteOptions(true).setWriteOption(MongoStore.COVERED_BY_NEXT);
  private static final BulkWriteOptions UNORDERED =
      new BulkWriteOptions(false).setWriteOption(MongoStore.COVERED_BY_NEXT);

  private final MongoClient mongo;

  public MessageStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public static String messageId(String roomId, long seq) {
    return numbered(roomId, seq);
  }

  /** A room id, a '-' and a number zero-padded to 10 digits, so that ids sort by number: messages' and changes'. */
  static String numbered(String roomId, long number) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(roomId.length() + 11).append(roomId).append('-');
    for (int pad = digits.length(); pad < 10; pad++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /** The room a message id belongs to, or null when it is not a message id. */
  public static String roomOf(String messageId) {
    int dash = messageId.lastIndexOf('-');
    return dash <= 0 ? null : messageId.substring(0, dash);
  }

  /** True for an id {@link #messageId} could have made; anything else names no message. */
  public static boolean isWellFormed(String messageId) {
    String roomId = roomOf(messageId);
    if (roomId == null || !Ids.looksValid(roomId)) {
      return false;
    }
    String seq = messageId.substring(roomId.length() + 1);
    return seq.length() == 10 && seq.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** A range of {@code _id}s made of the room's id, a '-' and a number: its messages', and its changes'. */
  static JsonObject idsOfRoom(String roomId) {
    // '.' sorts right after '-', and no room id holds either.
    return new JsonObject().put("$gte", roomId + "-").put("$lt", roomId + ".");
  }

  /** A new message as stored, before the journal gives it its version. */
  public static JsonObject newMessage(String roomId, long seq, UserRef sender, String text, String clientMsgId,
      Attachment attachment) {
    JsonObject message = new JsonObject()
        .put("_id", messageId(roomId, seq))
        .put("roomId", roomId)
        .put("seq", seq)
        .put("sender", sender.toJson())
        .put("text", text)
        .put("clientMsgId", clientMsgId)
        .put("createdAt", Instant.now().toString())
        .put("reactions", new JsonObject());
    if (attachment != null) {
      message.put("attachment", attachment.toJson());
    }
    return message;
  }

  public Future<JsonObject> findById(String messageId) {
    return mongo.findOne(MESSAGES, new JsonObject().put("_id", messageId), null);
  }

  /** The messages with seq in [from, to] that exist, ascending by seq. */
  public Future<List<JsonObject>> range(String roomId, long from, long to) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      seqs.add(seq);
    }
    return bySeqs(roomId, seqs);
  }

  /** The messages with these seqs that exist, ascending by seq. */
  public Future<List<JsonObject>> bySeqs(String roomId, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonArray ids = new JsonArray();
    seqs.forEach(seq -> ids.add(messageId(roomId, seq)));
    return mongo.find(MESSAGES, new JsonObject().put("_id", new JsonObject().put("$in", ids)))
        .map(found -> {
          List<JsonObject> sorted = new ArrayList<>(found);
          sorted.sort(Comparator.comparingLong(m -> m.getLong("seq")));
          return sorted;
        });
  }

  /** The seq of a well-formed message id. */
  public static long seqOf(String messageId) {
    return Long.parseLong(messageId.substring(messageId.length() - 10));
  }

  /** The messages with these ids that exist, in no particular order. */
  public Future<List<JsonObject>> findByIds(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.find(MESSAGES, new JsonObject().put("_id", new JsonObject().put("$in",
        new JsonArray(List.copyOf(messageIds)))));
  }

  /** The messages with these ids that exist, by their latest change. */
  Future<List<JsonObject>> byIdsInVersionOrder(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.find(MESSAGES, new JsonObject()
            .put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(messageIds)))))
        .map(found -> {
          List<JsonObject> sorted = new ArrayList<>(found);
          sorted.sort(Comparator.comparingLong(m -> m.getLong("version")));
          return sorted;
        });
  }

  /**
   * Applies changes, given in version order: new messages are inserted (one that is there already stays as it
   * is), then updates made, each only over an older version of its message. Safe to repeat and to run late.
   */
  Future<Void> apply(List<ChangeEntry> changes) {
    List<BulkOperation> creates = new ArrayList<>();
    List<BulkOperation> updates = new ArrayList<>();
    for (ChangeEntry change : changes) {
      if (change.isCreate()) {
        creates.add(BulkOperation.createInsert(change.message()));
      } else {
        updates.add(update(change));
      }
    }
    Future<Void> created = creates.isEmpty()
        ? Future.succeededFuture()
        : mongo.bulkWriteWithOptions(MESSAGES, creates, UNORDERED).<Void>mapEmpty()
            .recover(MessageStore::unlessOnlyDuplicates);
    // Updates wait for the creates: one may change a message created in the same call.
    return updates.isEmpty()
        ? created
        : created.compose(done -> mongo.bulkWriteWithOptions(MESSAGES, updates, ORDERED).mapEmpty());
  }

  private static BulkOperation update(ChangeEntry change) {
    JsonObject filter = new JsonObject()
        .put("_id", change.messageId())
        .put("version", new JsonObject().put("$lt", change.version()));
    JsonObject update = new JsonObject().put("$set", change.set().copy().put("version", change.version()));
    if (change.unset() != null && !change.unset().isEmpty()) {
      update.put("$unset", change.unset());
    }
    return BulkOperation.createUpdate(filter, update);
  }

  /** Succeeds when a bulk insert failed only because some of its documents were there already. */
  static Future<Void> unlessOnlyDuplicates(Throwable failure) {
    List<MongoStore.BulkError> errors = MongoStore.bulkErrors(failure);
    return !errors.isEmpty() && errors.stream().allMatch(MongoStore.BulkError::duplicateKey)
        ? Future.succeededFuture()
        : Future.failedFuture(failure);
  }

  public Future<Long> count() {
    return mongo.count(MESSAGES, new JsonObject());
  }

  /** Every message of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(MESSAGES, new JsonObject().put("_id", idsOfRoom(roomId))).mapEmpty();
  }

  /** The contract's message of a stored one: stored messages have the contract's fields, and an {@code _id}. */
  public static Message toMessage(JsonObject doc) {
    return new Message(doc.getString("_id"), doc.getString("roomId"), doc.getLong("seq", 0L),
        UserRef.fromJson(doc.getJsonObject("sender")), doc.getString("text"), doc.getString("clientMsgId"),
        doc.getString("createdAt"), doc.getString("editedAt"), doc.getBoolean("deleted", false),
        JsonValues.stringLists(doc.getJsonObject("reactions")), Attachment.fromJson(doc.getJsonObject("attachment")),
        doc.getLong("version", 0L), doc.getString("threadId"), ThreadSummary.fromJson(doc.getJsonObject("thread")),
        JsonValues.strings(doc.getJsonArray("mentions")), doc.getBoolean("mentionsRoom", false),
        Pin.fromJson(doc.getJsonObject("pinned")), doc.getString("hookId"));
  }
}
