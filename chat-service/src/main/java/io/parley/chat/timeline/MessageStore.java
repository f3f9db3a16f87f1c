package io.parley.chat.timeline;

import io.parley.contract.Ids;
import io.parley.contract.model.Attachment;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.Pin;
import io.parley.contract.model.ThreadSummary;
import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code messages} collection, and {@code message_client_keys} ({@code {_id: senderId|clientMsgId,
 * messageId}}), which makes a resent message find the first. A message's {@code _id} is its room id and
 * zero-padded seq, so any page of history is a set of known ids: reads go through the {@code _id} index on the
 * embedded store and on MongoDB alike, however deep the page. Only the {@link RoomJournal} writes here, by
 * applying its entries, which is why every write is safe to repeat.
 */
public final class MessageStore {

  private static final String MESSAGES = "messages";
  private static final String CLIENT_KEYS = "message_client_keys";

  private final MongoClient mongo;

  public MessageStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public static String messageId(String roomId, long seq) {
    return roomId + "-" + String.format("%010d", seq);
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

  public static String clientKey(String senderId, String clientMsgId) {
    return senderId + "|" + clientMsgId;
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

  /** The message a sender already sent with this clientMsgId, if any. */
  public Future<String> messageIdForClientKey(String senderId, String clientMsgId) {
    return mongo.findOne(CLIENT_KEYS, new JsonObject().put("_id", clientKey(senderId, clientMsgId)), null)
        .map(doc -> doc == null ? null : doc.getString("messageId"));
  }

  /**
   * Stores a new message at the version that made it, and its sender's client key. Both are written on every
   * apply, replays included, so a retry that reaches another instance finds the key. Answers the message's id.
   */
  Future<String> applyCreate(JsonObject created, long version) {
    JsonObject message = created.copy().put("version", version);
    String messageId = message.getString("_id");
    Future<Void> stored = Inserts.once(mongo, MESSAGES, message);
    String clientMsgId = message.getString("clientMsgId");
    if (clientMsgId == null) {
      return stored.map(messageId);
    }
    JsonObject key = new JsonObject()
        .put("_id", clientKey(message.getJsonObject("sender").getString("id"), clientMsgId))
        .put("messageId", messageId);
    return stored.compose(ignored -> Inserts.once(mongo, CLIENT_KEYS, key)).map(messageId);
  }

  /** Sets and unsets fields of a message, unless it already holds this version's change or a later one. */
  Future<String> applyUpdate(String messageId, long version, JsonObject set, JsonObject unset) {
    JsonObject filter = new JsonObject()
        .put("_id", messageId)
        .put("version", new JsonObject().put("$lt", version));
    JsonObject update = new JsonObject().put("$set", set.copy().put("version", version));
    if (unset != null && !unset.isEmpty()) {
      update.put("$unset", unset);
    }
    return mongo.updateCollection(MESSAGES, filter, update).map(messageId);
  }

  public Future<Long> count() {
    return mongo.count(MESSAGES, new JsonObject());
  }

  /** Every message of a room that is being deleted, and their client keys. */
  public Future<Void> removeRoom(String roomId) {
    return Future.all(
            mongo.removeDocuments(MESSAGES, new JsonObject().put("roomId", roomId)),
            mongo.removeDocuments(CLIENT_KEYS, new JsonObject().put("messageId", idsOfRoom(roomId))))
        .mapEmpty();
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
