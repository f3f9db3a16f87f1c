package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** Marks a room read up to a seq (never backwards): {@code {roomId, seq}}. */
public record ReadUpTo(String roomId, long seq) {

  public static final Codec<ReadUpTo> CODEC = Codec.of(ReadUpTo::toJson, ReadUpTo::parse);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("seq", seq);
  }

  /** The seq's rule first ({@code invalid_input}), then the room. */
  public static ReadUpTo parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Long seq = fields.requiredLong("seq", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    return new ReadUpTo(ChatIds.room(json.getValue("roomId")), seq);
  }

  /** The mark of an untrusted body ({@code {seq}}) in the room of a path. */
  public static ReadUpTo parse(String roomId, JsonObject body) {
    return parse(new JsonObject().put("roomId", roomId).put("seq", body.getValue("seq")));
  }
}
