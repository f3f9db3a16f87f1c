package io.parley.contract.chat;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;

/**
 * The ids chat requests name rooms, users and messages by. A missing or mistyped id is {@code invalid_input}; a
 * string that cannot be an id names nothing, so it is {@code not_found} as an unknown id is ({"$ne":null} too).
 */
public final class ChatIds {

  private ChatIds() {
  }

  /** The room id of an untrusted {@code roomId} value. */
  public static String room(Object value) {
    if (value == null) {
      throw ServiceError.invalid("roomId", "is required");
    }
    if (!(value instanceof String roomId)) {
      throw ServiceError.invalid("roomId", "must be a string");
    }
    if (!Ids.looksValid(roomId)) {
      throw ServiceError.notFound("Room");
    }
    return roomId;
  }

  /** The user id an untrusted {@code field} holds. */
  public static String user(Object value, String field) {
    if (!(value instanceof String userId)) {
      throw ServiceError.invalid(field, value == null ? "is required" : "must be a string");
    }
    if (!Ids.looksValid(userId)) {
      throw ServiceError.notFound("User");
    }
    return userId;
  }

  /** The message id of an untrusted {@code messageId} value; whether it names a message is chat-service's to say. */
  public static String message(Object value) {
    return message(value, "messageId");
  }

  /** The message id an untrusted {@code field} holds, such as a reply's {@code threadId}. */
  public static String message(Object value, String field) {
    if (!(value instanceof String messageId)) {
      throw ServiceError.invalid(field, value == null ? "is required" : "must be a string");
    }
    return messageId;
  }
}
