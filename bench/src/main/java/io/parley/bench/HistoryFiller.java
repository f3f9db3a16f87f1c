package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Fills one room's history straight through the embedded store's MongoDB wire protocol, with the documents
 * chat-service itself writes for a new message: {@code messages {_id: roomId-%010d(seq), ...}},
 * {@code room_changes {_id: roomId-%010d(version), messageId}}, and finally the room's {@code room_journal}
 * counters. Messages carry no clientMsgId, as ones sent over REST without one, so no client keys are owed. The
 * room must exist and must not have been written to by chat-service yet (its journal would be cached).
 */
public final class HistoryFiller {

  private static final int BATCH = 1000;
  private static final int CONCURRENCY = 4;

  private HistoryFiller() {
  }

  /** Writes messages 1..count from {@code sender}; answers the documents written per second. */
  public static double fill(Vertx vertx, String storeUri, String database, String roomId, Account sender,
      long count) {
    return fill(vertx, storeUri, database, roomId, sender, count, seq -> "history message " + seq, seq -> null);
  }

  /**
   * As {@link #fill(Vertx, String, String, String, Account, long)}, message {@code seq} with the text {@code
   * text.apply(seq)}, created at {@code createdAt.apply(seq)} (null: when written).
   */
  public static double fill(Vertx vertx, String storeUri, String database, String roomId, Account sender,
      long count, LongFunction<String> text, LongFunction<Instant> createdAt) {
    MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", storeUri)
        .put("db_name", database));
    try {
      long start = System.nanoTime();
      JsonObject profile = new JsonObject().put("id", sender.userId()).put("username", sender.username())
          .put("displayName", sender.username());
      int batches = (int) ((count + BATCH - 1) / BATCH);
      Await.result(Parallel.run(batches, CONCURRENCY, b -> writeBatch(mongo, roomId, profile, b * (long) BATCH + 1,
          Math.min(count, (b + 1L) * BATCH), text, createdAt)), 60 * 60_000L);
      Await.result(mongo.updateCollection("room_journal", new JsonObject().put("_id", roomId),
          new JsonObject().put("$set", new JsonObject().put("lastSeq", count).put("version", count))), 60_000);
      return 2.0 * count / ((System.nanoTime() - start) / 1e9);
    } finally {
      mongo.close();
    }
  }

  private static Future<Void> writeBatch(MongoClient mongo, String roomId, JsonObject sender, long from, long to,
      LongFunction<String> text, LongFunction<Instant> createdAt) {
    List<BulkOperation> messages = new ArrayList<>();
    List<BulkOperation> changes = new ArrayList<>();
    Instant now = Instant.now();
    for (long seq = from; seq <= to; seq++) {
      String id = roomId + "-" + String.format("%010d", seq);
      Instant created = createdAt.apply(seq);
      messages.add(BulkOperation.createInsert(new JsonObject().put("_id", id).put("roomId", roomId)
          .put("seq", seq).put("sender", sender).put("text", text.apply(seq)).putNull("clientMsgId")
          .put("createdAt", (created == null ? now : created).toString()).put("reactions", new JsonObject())
          .put("version", seq)));
      changes.add(BulkOperation.createInsert(new JsonObject().put("_id", id).put("messageId", id)));
    }
    BulkWriteOptions unordered = new BulkWriteOptions().setOrdered(false);
    return mongo.bulkWriteWithOptions("messages", messages, unordered)
        .compose(done -> mongo.bulkWriteWithOptions("room_changes", changes, unordered))
        .mapEmpty();
  }
}
