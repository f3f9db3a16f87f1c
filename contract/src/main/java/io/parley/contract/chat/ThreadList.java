package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The threads the actor follows, latest reply first: {@code {threads:[{root, room, lastReadSeq,
 * unreadReplies}]}}: each thread's top-level message as it is now (with its {@code thread} summary), its room,
 * how far the actor has read it and how many of its replies they have not.
 */
public record ThreadList(List<FollowedThread> threads) {

  public static final Codec<ThreadList> CODEC = Codec.of(ThreadList::toJson, ThreadList::fromJson);

  /** One followed thread. */
  public record FollowedThread(Message root, RoomSummary room, long lastReadSeq, long unreadReplies) {

    public JsonObject toJson() {
      return new JsonObject().put("root", root.toJson()).put("room", room.toJson())
          .put("lastReadSeq", lastReadSeq).put("unreadReplies", unreadReplies);
    }

    public static FollowedThread fromJson(JsonObject json) {
      return new FollowedThread(Message.fromJson(json.getJsonObject("root")),
          RoomSummary.fromJson(json.getJsonObject("room")), json.getLong("lastReadSeq", 0L),
          json.getLong("unreadReplies", 0L));
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("threads", JsonValues.encodeAll(threads, FollowedThread::toJson));
  }

  public static ThreadList fromJson(JsonObject json) {
    return new ThreadList(JsonValues.decodeAll(json.getJsonArray("threads"), FollowedThread::fromJson));
  }
}
