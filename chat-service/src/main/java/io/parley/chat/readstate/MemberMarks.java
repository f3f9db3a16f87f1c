package io.parley.chat.readstate;

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
 * The {@code member_marks} collection: per member of a room, {@code {_id: roomId:userId, roomId, userId,
 * mentions:[seq], threads:{"t<rootSeq>": lastReadSeq}}}: the seqs of the messages mentioning them that they have
 * not read, and the threads they follow with how far they have read each. Read beside the membership's read
 * marker to tell what is unread; every write is an idempotent upsert.
 */
public final class MemberMarks {

  private static final String MARKS = "member_marks";

  private final MongoClient mongo;

  public MemberMarks(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** One member's marks in one room: unread mentions, and followed threads (root seq to last read seq). */
  public record Marks(List<Long> mentions, Map<Long, Long> threads) {
    public static final Marks NONE = new Marks(List.of(), Map.of());

    static Marks of(JsonObject doc) {
      List<Long> mentions = new ArrayList<>();
      doc.getJsonArray("mentions", new JsonArray()).forEach(seq -> mentions.add(((Number) seq).longValue()));
      Map<Long, Long> threads = new HashMap<>();
      doc.getJsonObject("threads", new JsonObject()).forEach(entry ->
          threads.put(Long.parseLong(entry.getKey().substring(1)), ((Number) entry.getValue()).longValue()));
      return new Marks(List.copyOf(mentions), Map.copyOf(threads));
    }
  }

  private static String id(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  private static String thread(long rootSeq) {
    return "threads.t" + rootSeq;
  }

  public Future<Marks> of(String roomId, String userId) {
    return mongo.findOne(MARKS, new JsonObject().put("_id", id(roomId, userId)), null)
        .map(doc -> doc == null ? Marks.NONE : Marks.of(doc));
  }

  /** A user's marks in each of these rooms that has any. */
  public Future<Map<String, Marks>> ofRooms(String userId, Collection<String> roomIds) {
    if (roomIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonArray ids = new JsonArray(roomIds.stream().map(roomId -> id(roomId, userId)).toList());
    return mongo.find(MARKS, new JsonObject().put("_id", new JsonObject().put("$in", ids))).map(docs -> {
      Map<String, Marks> marks = new HashMap<>();
      docs.forEach(doc -> marks.put(doc.getString("roomId"), Marks.of(doc)));
      return marks;
    });
  }

  /** The message at {@code seq} mentions the user; in a thread ({@code rootSeq} not null) they follow it now. */
  public Future<Void> mention(String roomId, String userId, long seq, Long rootSeq) {
    JsonObject update = new JsonObject().put("$addToSet", new JsonObject().put("mentions", seq));
    if (rootSeq != null) {
      update.put("$max", new JsonObject().put(thread(rootSeq), rootSeq));
    }
    return upsert(roomId, userId, update);
  }

  /** The message at {@code seq} no longer mentions the user (it was edited). */
  public Future<Void> unmention(String roomId, String userId, long seq) {
    return mongo.updateCollection(MARKS, new JsonObject().put("_id", id(roomId, userId)),
        new JsonObject().put("$pull", new JsonObject().put("mentions", seq))).mapEmpty();
  }

  /** The user follows the thread of the message at {@code rootSeq}, having read it up to {@code seq} at least. */
  public Future<Void> follow(String roomId, String userId, long rootSeq, long seq) {
    return upsert(roomId, userId, new JsonObject().put("$max", new JsonObject().put(thread(rootSeq), seq)));
  }

  /** The user read the room up to {@code seq}: the mentions up to it are read. */
  public Future<Void> readUpTo(String roomId, String userId, long seq) {
    return mongo.updateCollection(MARKS, new JsonObject().put("_id", id(roomId, userId)), new JsonObject()
        .put("$pull", new JsonObject().put("mentions", new JsonObject().put("$lte", seq)))).mapEmpty();
  }

  /** The user read a thread up to {@code seq}, which reads the mentions among {@code readSeqs}. */
  public Future<Void> readThread(String roomId, String userId, long rootSeq, long seq, List<Long> readSeqs) {
    JsonObject update = new JsonObject().put("$max", new JsonObject().put(thread(rootSeq), seq));
    if (!readSeqs.isEmpty()) {
      update.put("$pull", new JsonObject().put("mentions", new JsonObject().put("$in", new JsonArray(readSeqs))));
    }
    return upsert(roomId, userId, update);
  }

  /** A member left: what they had not read there is forgotten. */
  public Future<Void> forget(String roomId, String userId) {
    return mongo.removeDocument(MARKS, new JsonObject().put("_id", id(roomId, userId))).mapEmpty();
  }

  /** Every mark in a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(MARKS, new JsonObject().put("roomId", roomId)).mapEmpty();
  }

  private Future<Void> upsert(String roomId, String userId, JsonObject update) {
    update.put("$set", new JsonObject().put("roomId", roomId).put("userId", userId));
    return mongo.updateCollectionWithOptions(MARKS, new JsonObject().put("_id", id(roomId, userId)), update,
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
