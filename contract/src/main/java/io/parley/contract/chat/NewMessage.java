package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A message to send: {@code {roomId | toUserId, text, clientMsgId?, fileId?, threadId?}}. A message to a user
 * goes to the direct room of the two, made on first use. Beside a file the text may be empty ({@code ""}, never
 * null). With {@code threadId} it is a reply in the thread of that top-level message of the same room.
 */
public record NewMessage(String roomId, String toUserId, String text, String clientMsgId, String fileId,
    String threadId) {

  /** A top-level message. */
  public NewMessage(String roomId, String toUserId, String text, String clientMsgId, String fileId) {
    this(roomId, toUserId, text, clientMsgId, fileId, null);
  }

  private static final int FILE_ID_MAX_CHARS = 64;
  /** A room id, '-' and a ten-digit seq; whether one names a message is chat-service's to say. */
  private static final int MESSAGE_ID_MAX_CHARS = 64;

  public static final Codec<NewMessage> CODEC = Codec.of(NewMessage::toJson, NewMessage::parse);

  public boolean toUser() {
    return toUserId != null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonValues.putIfPresent(json, "roomId", roomId);
    JsonValues.putIfPresent(json, "toUserId", toUserId);
    json.put("text", text);
    JsonValues.putIfPresent(json, "clientMsgId", clientMsgId);
    JsonValues.putIfPresent(json, "threadId", threadId);
    return JsonValues.putIfPresent(json, "fileId", fileId);
  }

  /**
   * Reads an untrusted message: {@code invalid_input} listing every broken rule of its fields, then the room or
   * user it goes to as {@link ChatIds} checks them.
   */
  public static NewMessage parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String text = MessageTexts.read(fields, !fields.has("fileId"));
    String clientMsgId = fields.optionalString("clientMsgId", 1, Limits.CLIENT_MSG_ID_MAX_CHARS);
    String fileId = fields.optionalString("fileId", 1, FILE_ID_MAX_CHARS);
    String threadId = fields.optionalString("threadId", 1, MESSAGE_ID_MAX_CHARS);
    boolean toUser = fields.has("toUserId");
    if (toUser && fields.has("roomId")) {
      fields.reject("roomId", "cannot be combined with toUserId");
    } else if (!toUser && !fields.has("roomId")) {
      fields.reject("roomId", "is required, or toUserId");
    }
    fields.throwIfInvalid();
    String roomId = toUser ? null : ChatIds.room(json.getValue("roomId"));
    String toUserId = toUser ? ChatIds.user(json.getValue("toUserId"), "toUserId") : null;
    return new NewMessage(roomId, toUserId, text == null ? "" : text, clientMsgId, fileId, threadId);
  }
}
