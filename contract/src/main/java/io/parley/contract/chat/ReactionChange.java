package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.frame.ReactionFrame;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The actor's reaction added to or removed from a message: {@code {messageId, emoji, op:"add"|"remove"}}. An
 * emoji becomes a field name in the store, so it holds no '.', '$', blank, control or unassigned character.
 */
public record ReactionChange(String messageId, String emoji, String op) {

  public static final List<String> OPS = List.of(ReactionFrame.ADD, ReactionFrame.REMOVE);

  public static final Codec<ReactionChange> CODEC = Codec.of(ReactionChange::toJson, ReactionChange::parse);

  public boolean adds() {
    return ReactionFrame.ADD.equals(op);
  }

  public JsonObject toJson() {
    return new JsonObject().put("messageId", messageId).put("emoji", emoji).put("op", op);
  }

  /** The emoji's and op's rules first ({@code invalid_input}), then the message id. */
  public static ReactionChange parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String emoji = fields.requiredString("emoji", 1, Limits.EMOJI_MAX_CHARS);
    String op = fields.optionalEnum("op", OPS);
    if (!fields.has("op")) {
      fields.reject("op", "is required");
    }
    if (emoji != null && !isEmojiKey(emoji)) {
      fields.reject("emoji", "must be an emoji or a short code without spaces, '.' or '$'");
    }
    fields.throwIfInvalid();
    return new ReactionChange(ChatIds.message(json.getValue("messageId")), emoji, op);
  }

  /** A reaction of an untrusted emoji (a body's or a path's) to the message of a path. */
  public static ReactionChange of(String messageId, Object emoji, String op) {
    return parse(new JsonObject().put("messageId", messageId).put("emoji", emoji).put("op", op));
  }

  private static boolean isEmojiKey(String emoji) {
    return emoji.codePoints().noneMatch(c -> c == '.' || c == '$' || Character.isWhitespace(c)
        || Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED);
  }
}
