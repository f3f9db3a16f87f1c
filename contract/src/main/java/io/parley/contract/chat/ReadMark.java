package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** Where a member's read marker is after a read, and how many of the room's messages are still unread. */
public record ReadMark(String roomId, long seq, long unread) {

  public static final Codec<ReadMark> CODEC = Codec.of(ReadMark::toJson, ReadMark::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("seq", seq).put("unread", unread);
  }

  public static ReadMark fromJson(JsonObject json) {
    return new ReadMark(json.getString("roomId"), json.getLong("seq", 0L), json.getLong("unread", 0L));
  }
}
