package io.parley.bench.ceiling;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ceiling socket: {@code auth} is accepted without checks (the token is taken as the user id),
 * {@code join_room} adds the socket to a room, and {@code message} is numbered and broadcast to the room in the
 * same envelope Parley uses, then acknowledged. The persisting ceiling inserts the message first, and broadcasts
 * and acknowledges it once the store answered.
 */
final class CeilingConnection {

  private final ServerWebSocket socket;
  private final CeilingRooms rooms;
  private final CeilingStore store;
  private final List<CeilingRooms.Room> joined = new ArrayList<>();
  private final Context context = Vertx.currentContext();
  private JsonObject user;

  /** {@code store} is null for the bare ceiling. */
  CeilingConnection(ServerWebSocket socket, CeilingRooms rooms, CeilingStore store) {
    this.socket = socket;
    this.rooms = rooms;
    this.store = store;
  }

  void start() {
    socket.textMessageHandler(this::onFrame);
    socket.closeHandler(ignored -> joined.forEach(room -> room.members.remove(this)));
  }

  void write(String frame) {
    socket.writeTextMessage(frame);
  }

  private void onFrame(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      reply(null, new JsonObject().put("type", "error").put("code", "invalid_input"));
      return;
    }
    Object ref = frame.getValue("ref");
    switch (frame.getString("type", "")) {
      case "auth" -> {
        String id = frame.getString("token", "anonymous");
        user = new JsonObject().put("id", id).put("username", id).put("displayName", id);
        reply(ref, new JsonObject().put("type", "ready").put("user", user).put("rooms", new JsonArray())
            .put("online", new JsonArray()));
      }
      case "join_room" -> {
        CeilingRooms.Room room = rooms.room(frame.getString("roomId"));
        if (room.members.add(this)) {
          joined.add(room);
        }
        reply(ref, new JsonObject().put("type", "room").put("room", new JsonObject().put("id", room.id)));
      }
      case "message" -> broadcast(frame, ref);
      case "sync" -> reply(ref, new JsonObject().put("type", "synced").put("rooms", new JsonObject()));
      case "ping" -> reply(ref, new JsonObject().put("type", "pong"));
      default -> reply(ref, new JsonObject().put("type", "error").put("code", "invalid_input"));
    }
  }

  private void broadcast(JsonObject frame, Object ref) {
    CeilingRooms.Room room = rooms.room(frame.getString("roomId"));
    String clientMsgId = frame.getString("clientMsgId");
    String createdAt = Instant.now().toString();
    long seq;
    String messageId;
    JsonObject message;
    String encoded;
    synchronized (room) {
      seq = room.nextSeq();
      messageId = room.id + "-" + String.format("%010d", seq);
      message = new JsonObject().put("id", messageId).put("roomId", room.id).put("seq", seq)
          .put("sender", user).put("text", frame.getString("text")).put("clientMsgId", clientMsgId)
          .put("createdAt", createdAt).put("reactions", new JsonObject()).put("version", seq);
      encoded = new JsonObject().put("type", "message").put("roomId", room.id).put("version", seq)
          .put("message", message).encode();
      if (store == null) {
        fanOut(room, encoded);
      }
    }
    JsonObject ack = new JsonObject().put("type", "ack").put("clientMsgId", clientMsgId)
        .put("messageId", messageId).put("roomId", room.id).put("seq", seq).put("createdAt", createdAt);
    if (store == null) {
      reply(ref, ack);
      return;
    }
    store.insert(message).onComplete(inserted -> {
      room.stored(seq, inserted.succeeded() ? () -> fanOut(room, encoded) : () -> { });
      reply(ref, inserted.succeeded() ? ack : new JsonObject().put("type", "error").put("code", "unavailable"));
    });
  }

  /**
   * One task per event loop writes to all of that loop's members: a write from another loop's thread would cost a
   * hand-off per socket. Called under the room's lock, in seq order, so tasks queue in order.
   */
  private static void fanOut(CeilingRooms.Room room, String encoded) {
    Map<Context, List<CeilingConnection>> byLoop = new HashMap<>();
    for (CeilingConnection member : room.members) {
      byLoop.computeIfAbsent(member.context, c -> new ArrayList<>()).add(member);
    }
    byLoop.forEach((loop, members) -> loop.runOnContext(ignored -> members.forEach(m -> m.write(encoded))));
  }

  private void reply(Object ref, JsonObject frame) {
    if (ref != null) {
      frame.put("ref", ref);
    }
    write(frame.encode());
  }
}
