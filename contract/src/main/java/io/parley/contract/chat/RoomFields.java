package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;

/** A room's name, description and topic as a request gives them: kept stripped of surrounding blanks. */
final class RoomFields {

  private RoomFields() {
  }

  /** 1 to 64 characters, not blank, no control characters; null when absent (and not required) or refused. */
  static String name(RequestFields fields, boolean required) {
    String raw = required
        ? fields.requiredString("name", 1, Limits.ROOM_NAME_MAX_CHARS)
        : fields.optionalString("name", 1, Limits.ROOM_NAME_MAX_CHARS);
    String name = raw == null ? null : raw.strip();
    if (raw != null && name.isEmpty()) {
      fields.reject("name", "must not be blank");
      return null;
    }
    if (name != null && name.chars().anyMatch(Character::isISOControl)) {
      fields.reject("name", "must not contain control characters");
      return null;
    }
    return name;
  }

  static String description(RequestFields fields) {
    return stripped(fields.optionalString("description", 0, Limits.ROOM_DESCRIPTION_MAX_CHARS));
  }

  static String topic(RequestFields fields) {
    return stripped(fields.optionalString("topic", 0, Limits.ROOM_TOPIC_MAX_CHARS));
  }

  private static String stripped(String text) {
    return text == null ? null : text.strip();
  }
}
