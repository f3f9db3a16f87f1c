package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** Marks a thread read up to a seq (never backwards): {@code {threadId, seq}}, the thread by its top-level message. */
public record ThreadReadUpTo(String threadId, long seq) {

  public static final Codec<ThreadReadUpTo> CODEC = Codec.of(ThreadReadUpTo::toJson, ThreadReadUpTo::parse);

  public JsonObject toJson() {
    return new JsonObject().put("threadId", threadId).put("seq", seq);
  }

  /** The seq's rule first ({@code invalid_input}), then the thread's id. */
  public static ThreadReadUpTo parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Long seq = fields.requiredLong("seq", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    return new ThreadReadUpTo(ChatIds.message(json.getValue("threadId"), "threadId"), seq);
  }

  /** The mark of an untrusted body ({@code {seq}}) in the thread of the message of a path. */
  public static ThreadReadUpTo parse(String threadId, JsonObject body) {
    return parse(new JsonObject().put("threadId", threadId).put("seq", body.getValue("seq")));
  }
}
