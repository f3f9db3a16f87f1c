package io.parley.chat.timeline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which messages are replies, kept beside the messages so that reading a room's top-level messages or a
 * thread's replies looks up known ids instead of scanning:
 * <ul>
 * <li>{@code reply_blocks}: {@code {_id: roomId:block, roomId, replies:{"r<seq>": rootSeq}}}, the replies among
 * each hundred seqs of a room, so a page of top-level messages skips them;</li>
 * <li>{@code thread_replies}: {@code {_id: rootMessageId, roomId, seqs:[...]}}, each thread's replies.</li>
 * </ul>
 * Both are written after the reply is recorded and every write is safe to repeat. A message itself says whether
 * it is a reply, so an entry missing here (its writer died in between) never puts a reply among top-level
 * messages: readers check what they fetch.
 */
public final class ThreadIndex {

  private static final String BLOCKS = "reply_blocks";
  private static final String THREADS = "thread_replies";
  /** Seqs per block of {@code reply_blocks}. */
  static final int BLOCK = 100;

  private final MongoClient mongo;

  public ThreadIndex(MongoClient mongo) {
    this.mongo = mongo;
  }

  private static String blockId(String roomId, long seq) {
    return roomId + ":" + ((seq - 1) / BLOCK);
  }

  /** Notes that {@code replySeq} is a reply in the thread of the message at {@code rootSeq}. */
  public Future<Void> noteReply(String roomId, String rootId, long rootSeq, long replySeq) {
    UpdateOptions upsert = new UpdateOptions().setUpsert(true);
    Future<?> block = mongo.updateCollectionWithOptions(BLOCKS, new JsonObject().put("_id", blockId(roomId, replySeq)),
        new JsonObject().put("$set", new JsonObject().put("roomId", roomId).put("replies.r" + replySeq, rootSeq)),
        upsert);
    Future<?> thread = mongo.updateCollectionWithOptions(THREADS, new JsonObject().put("_id", rootId),
        new JsonObject().put("$set", new JsonObject().put("roomId", roomId))
            .put("$addToSet", new JsonObject().put("seqs", replySeq)), upsert);
    return Future.all(block, thread).mapEmpty();
  }

  /** The seqs of a thread's replies, ascending. */
  public Future<List<Long>> replySeqs(String rootId) {
    return mongo.findOne(THREADS, new JsonObject().put("_id", rootId), null).map(ThreadIndex::seqs);
  }

  /** The seqs of the replies of each of these threads that has any, ascending. */
  public Future<Map<String, List<Long>>> replySeqs(Collection<String> rootIds) {
    if (rootIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(rootIds))));
    return mongo.find(THREADS, query).map(docs -> {
      Map<String, List<Long>> threads = new HashMap<>();
      docs.forEach(doc -> threads.put(doc.getString("_id"), seqs(doc)));
      return threads;
    });
  }

  private static List<Long> seqs(JsonObject doc) {
    List<Long> seqs = new ArrayList<>();
    if (doc != null) {
      doc.getJsonArray("seqs", new JsonArray()).forEach(seq -> seqs.add(((Number) seq).longValue()));
    }
    seqs.sort(null);
    return seqs;
  }

  /** The replies with seqs in [from, to], each to the seq of its thread's top-level message. */
  public Future<Map<Long, Long>> repliesBetween(String roomId, long from, long to) {
    if (to < from) {
      return Future.succeededFuture(Map.of());
    }
    JsonArray ids = new JsonArray();
    for (long block = (from - 1) / BLOCK; block <= (to - 1) / BLOCK; block++) {
      ids.add(roomId + ":" + block);
    }
    return mongo.find(BLOCKS, new JsonObject().put("_id", new JsonObject().put("$in", ids))).map(blocks -> {
      Map<Long, Long> replies = new HashMap<>();
      for (JsonObject block : blocks) {
        block.getJsonObject("replies", new JsonObject()).forEach(entry -> {
          long seq = Long.parseLong(entry.getKey().substring(1));
          if (seq >= from && seq <= to) {
            replies.put(seq, ((Number) entry.getValue()).longValue());
          }
        });
      }
      return replies;
    });
  }

  /** Everything noted of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    JsonObject ofRoom = new JsonObject().put("roomId", roomId);
    return Future.all(mongo.removeDocuments(BLOCKS, ofRoom), mongo.removeDocuments(THREADS, ofRoom)).mapEmpty();
  }
}
