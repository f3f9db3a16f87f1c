package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;

/** A message's {@code text}: 1 to 4000 characters (0 beside a file), and never only blanks. */
final class MessageTexts {

  private MessageTexts() {
  }

  static String read(RequestFields fields, boolean required) {
    String text = required
        ? fields.requiredString("text", 1, Limits.TEXT_MAX_CHARS)
        : fields.optionalString("text", 0, Limits.TEXT_MAX_CHARS);
    if (text != null && !text.isEmpty() && text.isBlank()) {
      fields.reject("text", "must not be blank");
    }
    return text;
  }
}
