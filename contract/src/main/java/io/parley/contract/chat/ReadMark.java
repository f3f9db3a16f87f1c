package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/**
 * Where a member's read marker is after a read, how many of the room's messages are still unread, and how many
 * of those mention the member.
 */
public record ReadMark(String roomId, long seq, long unread, long mentions) {

  public static final Codec<ReadMark> CODEC = Codec.of(ReadMark::toJson, ReadMark::fromJson);

  /** A mark in a room with nothing unread mentioning the member. */
  public ReadMark(String roomId, long seq, long unread) {
    this(roomId, seq, unread, 0);
  }

  public JsonObject toJson() {
    return new JsonObject().put("roomId", roomId).put("seq", seq).put("unread", unread).put("mentions", mentions);
  }

  public static ReadMark fromJson(JsonObject json) {
    return new ReadMark(json.getString("roomId"), json.getLong("seq", 0L), json.getLong("unread", 0L),
        json.getLong("mentions", 0L));
  }
}
