package io.parley.chat.mention;

import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;

/**
 * The {@code mention_log} collection: {@code {_id: userId:messageId, userId, roomId, messageId, key}}, each
 * message that mentioned a user, {@code key} ordering them by when it first did (epoch milliseconds, then the
 * message id). Whether the message still mentions them, and whether they may still read its room, is the
 * reader's to check: an edit or a departure leaves the entry, which then shows nothing.
 */
public final class MentionLog {

  private static final String LOG = "mention_log";

  private final MongoClient mongo;

  public MentionLog(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(LOG, new JsonObject().put("userId", 1).put("key", -1),
        new IndexOptions().name("userId_key")).mapEmpty();
  }

  private static String id(String userId, String messageId) {
    return userId + ":" + messageId;
  }

  /** The message mentions the user; a message mentioning them again keeps its first place. */
  Future<Void> add(String userId, Message message) {
    String key = String.format("%015d|%s", System.currentTimeMillis(), message.id());
    JsonObject entry = new JsonObject().put("userId", userId).put("roomId", message.roomId())
        .put("messageId", message.id()).put("key", key);
    return mongo.updateCollectionWithOptions(LOG, new JsonObject().put("_id", id(userId, message.id())),
        new JsonObject().put("$setOnInsert", entry), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** Where the entry of a message is in the user's list, or null when it mentioned them never. */
  public Future<String> keyOf(String userId, String messageId) {
    return mongo.findOne(LOG, new JsonObject().put("_id", id(userId, messageId)), null)
        .map(entry -> entry == null ? null : entry.getString("key"));
  }

  /** At most {@code limit} entries of the user's, newest first, all before {@code beforeKey} when it is given. */
  public Future<List<JsonObject>> page(String userId, String beforeKey, int limit) {
    JsonObject query = new JsonObject().put("userId", userId);
    if (beforeKey != null) {
      query.put("key", new JsonObject().put("$lt", beforeKey));
    }
    return mongo.findWithOptions(LOG, query, new FindOptions().setSort(new JsonObject().put("key", -1))
        .setLimit(limit));
  }

  /** Every entry in a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(LOG, new JsonObject().put("roomId", roomId)).mapEmpty();
  }
}
