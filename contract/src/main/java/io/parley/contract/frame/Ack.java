package io.parley.contract.frame;

import io.parley.contract.chat.ReadMark;
import io.parley.contract.chat.ThreadReadMark;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;

/** {@code ack}: a client frame was done. What it carries depends on the frame it answers. */
public record Ack(JsonObject fields) implements ServerFrame {

  /** A {@code message} frame was stored (or had been: the first message of its clientMsgId). */
  public static Ack sent(Message message) {
    return new Ack(new JsonObject()
        .put("clientMsgId", message.clientMsgId())
        .put("messageId", message.id())
        .put("roomId", message.roomId())
        .put("seq", message.seq())
        .put("createdAt", message.createdAt()));
  }

  /** An {@code edit}, {@code delete} or {@code reaction} left the message at this version. */
  public static Ack changed(Message message) {
    return new Ack(new JsonObject()
        .put("messageId", message.id())
        .put("roomId", message.roomId())
        .put("version", message.version()));
  }

  public static Ack joined(Room room) {
    return new Ack(new JsonObject().put("roomId", room.id()).put("room", room.toJson()));
  }

  public static Ack left(String roomId) {
    return new Ack(new JsonObject().put("roomId", roomId));
  }

  /** A {@code read} moved the marker to {@code seq}. */
  public static Ack read(ReadMark mark) {
    return new Ack(mark.toJson());
  }

  /** A {@code read_thread} moved the follower's marker in the thread to {@code seq}. */
  public static Ack readThread(ThreadReadMark mark) {
    return new Ack(mark.toJson());
  }

  @Override
  public String type() {
    return FrameTypes.ACK;
  }

  @Override
  public JsonObject fields() {
    return fields.copy();
  }

  /** As every frame's, without copying the fields first: they are merged into the new object anyway. */
  @Override
  public JsonObject toJson() {
    return new JsonObject().put(FrameTypes.FIELD, type()).mergeIn(fields);
  }
}
