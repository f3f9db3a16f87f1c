package io.parley.gateway.socket.chat;

import io.parley.contract.Addresses;
import io.parley.gateway.socket.ClientConnection;
import io.parley.gateway.socket.FrameHandler;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Frames chat-service answers: sending messages and the changes to rooms and timelines. Each request is
 * answered with an {@code ack} carrying the frame's {@code ref}, or an {@code error} with it.
 */
public final class ChatFrames {

  /** User events that are client frames as they stand, passed on to the user's sockets. */
  private static final Set<String> USER_FRAMES = Set.of("message", "delivered", "receipt", "membership");

  private ChatFrames() {
  }

  public static void register(Map<String, FrameHandler> handlers) {
    handlers.put("message", ChatFrames::message);
    handlers.put("join_room", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_ROOM_JOIN,
        new JsonObject().put("roomId", frame.getValue("roomId")),
        room -> new JsonObject().put("roomId", room.getString("id")).put("room", room)));
    handlers.put("leave_room", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_ROOM_LEAVE,
        new JsonObject().put("roomId", frame.getValue("roomId")),
        left -> new JsonObject().put("roomId", frame.getValue("roomId"))));
    handlers.put("edit", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_MESSAGE_EDIT,
        new JsonObject().put("messageId", frame.getValue("messageId")).put("text", frame.getValue("text")),
        ChatFrames::messageAck));
    handlers.put("delete", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_MESSAGE_DELETE,
        new JsonObject().put("messageId", frame.getValue("messageId")), ChatFrames::messageAck));
    handlers.put("reaction", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_MESSAGE_REACT,
        new JsonObject().put("messageId", frame.getValue("messageId")).put("emoji", frame.getValue("emoji"))
            .put("op", frame.getValue("op")),
        ChatFrames::messageAck));
    handlers.put("read", (connection, frame, ref) -> forward(connection, ref, Addresses.CHAT_READ,
        new JsonObject().put("roomId", frame.getValue("roomId")).put("seq", frame.getValue("seq")),
        read -> read));
  }

  /** Whether a user event is a client frame to pass on to the user's sockets. */
  public static boolean isUserFrame(String type) {
    return USER_FRAMES.contains(type);
  }

  private static void message(ClientConnection connection, JsonObject frame, Object ref) {
    JsonObject request = new JsonObject()
        .put("roomId", frame.getValue("roomId"))
        .put("toUserId", frame.getValue("toUserId"))
        .put("text", frame.getValue("text"))
        .put("clientMsgId", frame.getValue("clientMsgId"))
        .put("fileId", frame.getValue("fileId"));
    forward(connection, ref, Addresses.CHAT_MESSAGE_SEND, request, reply -> {
      JsonObject message = reply.getJsonObject("message");
      return new JsonObject()
          .put("clientMsgId", message.getString("clientMsgId"))
          .put("messageId", message.getString("id"))
          .put("roomId", message.getString("roomId"))
          .put("seq", message.getLong("seq"))
          .put("createdAt", message.getString("createdAt"));
    });
  }

  private static JsonObject messageAck(JsonObject reply) {
    JsonObject message = reply.getJsonObject("message");
    return new JsonObject()
        .put("messageId", message.getString("id"))
        .put("roomId", message.getString("roomId"))
        .put("version", message.getLong("version"));
  }

  /**
   * Asks chat-service and answers the frame with an {@code ack} made from the reply, or an {@code error}. A
   * connection's chat frames are handled in the order it sent them, so its timeline changes are too.
   */
  private static void forward(ClientConnection connection, Object ref, String address, JsonObject request,
      Function<JsonObject, JsonObject> ack) {
    connection.requestInOrder(address, request)
        .onSuccess(reply -> connection.reply(ref, ack.apply(reply).put("type", "ack")))
        .onFailure(failure -> connection.fail(ref, failure));
  }
}
