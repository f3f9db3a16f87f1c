package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * Where a follower's marker in a thread is after a read, the thread's replies still unread, and the room's
 * {@code unread} and {@code mentions} as they are now (a followed thread's replies count in the room's).
 */
public record ThreadReadMark(String threadId, String roomId, long seq, long unreadReplies, long unread,
    long mentions) {

  public static final Codec<ThreadReadMark> CODEC = Codec.of(ThreadReadMark::toJson, ThreadReadMark::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("threadId", threadId).put("roomId", roomId).put("seq", seq)
        .put("unreadReplies", unreadReplies).put("unread", unread).put("mentions", mentions);
  }

  public static ThreadReadMark fromJson(JsonObject json) {
    return new ThreadReadMark(json.getString("threadId"), json.getString("roomId"), json.getLong("seq", 0L),
        json.getLong("unreadReplies", 0L), json.getLong("unread", 0L), json.getLong("mentions", 0L));
  }
}
