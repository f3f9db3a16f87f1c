package io.parley.gateway.socket;

import io.parley.contract.Addresses;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Frames chat-service answers: sending messages and the changes to rooms and timelines. */
final class ChatFrames {

  private ChatFrames() {
  }

  static void register(Map<String, FrameHandler> handlers) {
    handlers.put("message", ChatFrames::message);
  }

  private static void message(ClientConnection connection, JsonObject frame, Object ref) {
    JsonObject request = new JsonObject()
        .put("roomId", frame.getValue("roomId"))
        .put("toUserId", frame.getValue("toUserId"))
        .put("text", frame.getValue("text"))
        .put("clientMsgId", frame.getValue("clientMsgId"))
        .put("fileId", frame.getValue("fileId"));
    connection.requestInOrder(Addresses.CHAT_MESSAGE_SEND, request)
        .onSuccess(reply -> {
          JsonObject message = reply.getJsonObject("message");
          connection.reply(ref, new JsonObject()
              .put("type", "ack")
              .put("clientMsgId", message.getString("clientMsgId"))
              .put("messageId", message.getString("id"))
              .put("roomId", message.getString("roomId"))
              .put("seq", message.getLong("seq"))
              .put("createdAt", message.getString("createdAt")));
        })
        .onFailure(failure -> connection.fail(ref, failure));
  }
}
