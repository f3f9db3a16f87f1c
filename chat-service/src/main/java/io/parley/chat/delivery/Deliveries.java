package io.parley.chat.delivery;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.frame.Delivered;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Direct messages that reached a recipient who was offline, until the recipient comes back: one document per
 * recipient in {@code pending_deliveries}, {@code {_id: userId, items: {<messageId>: {roomId, seq, senderId}}}},
 * so that looking them up is one read by {@code _id}. Each item is claimed by removing it, so a user who comes
 * back on two sockets at once is handed each message, and its sender told, once.
 */
public final class Deliveries {

  static final String PENDING = "pending_deliveries";

  private final MongoClient mongo;
  private final MessageStore messages;
  private final RoomEvents events;

  public Deliveries(MongoClient mongo, MessageStore messages, RoomEvents events) {
    this.mongo = mongo;
    this.messages = messages;
    this.events = events;
  }

  /** Keeps a message for a recipient who is offline. */
  public Future<Void> remember(String recipientId, Message message) {
    JsonObject item = new JsonObject()
        .put("roomId", message.roomId())
        .put("seq", message.seq())
        .put("senderId", message.sender().id());
    return mongo.updateCollectionWithOptions(PENDING, new JsonObject().put("_id", recipientId),
        new JsonObject().put("$set", new JsonObject().put("items." + message.id(), item)),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /**
   * Hands the user every message kept for them, oldest first, as {@code message} frames, and tells each
   * sender with {@code delivered}. Answers how many were handed over.
   */
  public Future<Integer> flush(String userId) {
    return mongo.findOne(PENDING, new JsonObject().put("_id", userId), null).compose(doc -> {
      JsonObject items = doc == null ? new JsonObject() : doc.getJsonObject("items", new JsonObject());
      List<Map.Entry<String, Object>> pending = new ArrayList<>(items.getMap().entrySet());
      pending.sort(Comparator.comparing((Map.Entry<String, Object> e) -> e.getKey()));
      Future<Integer> chain = Future.succeededFuture(0);
      for (Map.Entry<String, Object> entry : pending) {
        String messageId = entry.getKey();
        JsonObject item = items.getJsonObject(messageId);
        chain = chain.compose(count -> claim(userId, messageId)
            .compose(claimed -> claimed ? handOver(userId, messageId, item) : Future.succeededFuture(false))
            .map(handed -> handed ? count + 1 : count));
      }
      return chain;
    });
  }

  /** Forgets what waits for these users from a room that is being deleted. */
  public Future<Void> forgetRoom(String roomId, List<String> recipients) {
    List<Future<Void>> each = recipients.stream().map(userId -> mongo.findOne(PENDING,
        new JsonObject().put("_id", userId), null).compose(doc -> {
          JsonObject unset = new JsonObject();
          JsonObject items = doc == null ? new JsonObject() : doc.getJsonObject("items", new JsonObject());
          items.forEach(item -> {
            if (roomId.equals(((JsonObject) item.getValue()).getString("roomId"))) {
              unset.put("items." + item.getKey(), "");
            }
          });
          return unset.isEmpty()
              ? Future.<Void>succeededFuture()
              : mongo.updateCollection(PENDING, new JsonObject().put("_id", userId),
                  new JsonObject().put("$unset", unset)).<Void>mapEmpty();
        })).toList();
    return Future.all(each).mapEmpty();
  }

  private Future<Boolean> claim(String userId, String messageId) {
    String field = "items." + messageId;
    return mongo.updateCollection(PENDING,
            new JsonObject().put("_id", userId).put(field, new JsonObject().put("$exists", true)),
            new JsonObject().put("$unset", new JsonObject().put(field, "")))
        .map(result -> result.getDocModified() == 1);
  }

  /** Hands one message over and tells its sender; answers false when the message went with its room. */
  private Future<Boolean> handOver(String userId, String messageId, JsonObject item) {
    return messages.findById(messageId).map(doc -> {
      if (doc == null) {
        return false;
      }
      events.toUser(userId, MessageFrame.live(MessageStore.toMessage(doc)));
      events.toUser(item.getString("senderId"),
          new Delivered(messageId, item.getString("roomId"), Instant.now().toString()));
      return true;
    });
  }
}
