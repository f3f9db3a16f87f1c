package io.parley.contract.model;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A message as the contract shows it. {@code seq} numbers the room's messages without gaps; {@code version} is
 * the room version of the message's latest change. A deleted message keeps its seq, with empty text. A reply
 * names its thread's top-level message in {@code threadId}; a top-level message with replies carries {@code
 * thread}. {@code mentions} are the members its text names ({@code @username}), {@code mentionsRoom} says it
 * names every member ({@code @room}); a pinned message carries {@code pinned}. A message an incoming webhook
 * posted is a bot's ({@code "bot":true}, with {@code hookId}): its sender is the webhook ({@code id} the hook's
 * id, the names the hook's or those its post gave), never a user.
 */
public record Message(String id, String roomId, long seq, UserRef sender, String text, String clientMsgId,
    String createdAt, String editedAt, boolean deleted, Map<String, List<String>> reactions, Attachment attachment,
    long version, String threadId, ThreadSummary thread, List<String> mentions, boolean mentionsRoom, Pin pinned,
    String hookId) {

  public Message {
    reactions = reactions == null ? Map.of() : reactions;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  /** A message a user sent. */
  public Message(String id, String roomId, long seq, UserRef sender, String text, String clientMsgId,
      String createdAt, String editedAt, boolean deleted, Map<String, List<String>> reactions, Attachment attachment,
      long version, String threadId, ThreadSummary thread, List<String> mentions, boolean mentionsRoom, Pin pinned) {
    this(id, roomId, seq, sender, text, clientMsgId, createdAt, editedAt, deleted, reactions, attachment, version,
        threadId, thread, mentions, mentionsRoom, pinned, null);
  }

  /** A top-level message that mentions no one, has no replies and is not pinned. */
  public Message(String id, String roomId, long seq, UserRef sender, String text, String clientMsgId,
      String createdAt, String editedAt, boolean deleted, Map<String, List<String>> reactions, Attachment attachment,
      long version) {
    this(id, roomId, seq, sender, text, clientMsgId, createdAt, editedAt, deleted, reactions, attachment, version,
        null, null, List.of(), false, null);
  }

  public boolean isFrom(String userId) {
    return sender != null && sender.id().equals(userId);
  }

  /** Whether an incoming webhook posted it. */
  public boolean bot() {
    return hookId != null;
  }

  public boolean isReply() {
    return threadId != null;
  }

  /** Whether the text names this user, by {@code @username} or {@code @room}. */
  public boolean mentions(String userId) {
    return mentionsRoom || mentions.contains(userId);
  }

  public Message withVersion(long newVersion) {
    return new Message(id, roomId, seq, sender, text, clientMsgId, createdAt, editedAt, deleted, reactions,
        attachment, newVersion, threadId, thread, mentions, mentionsRoom, pinned, hookId);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("roomId", roomId)
        .put("seq", seq)
        .put("sender", sender == null ? null : sender.toJson())
        .put("text", text)
        .put("clientMsgId", clientMsgId)
        .put("createdAt", createdAt)
        .put("reactions", JsonValues.object(reactions))
        .put("version", version);
    JsonValues.putIfPresent(json, "editedAt", editedAt);
    if (deleted) {
      json.put("deleted", true);
    }
    JsonValues.putIfPresent(json, "threadId", threadId);
    JsonValues.putIfPresent(json, "thread", thread == null ? null : thread.toJson());
    if (!mentions.isEmpty()) {
      json.put("mentions", JsonValues.array(mentions));
    }
    if (mentionsRoom) {
      json.put("mentionsRoom", true);
    }
    JsonValues.putIfPresent(json, "pinned", pinned == null ? null : pinned.toJson());
    if (hookId != null) {
      json.put("bot", true).put("hookId", hookId);
    }
    return attachment == null ? json : json.put("attachment", attachment.toJson());
  }

  public static Message fromJson(JsonObject json) {
    JsonObject sender = json.getJsonObject("sender");
    return new Message(json.getString("id"), json.getString("roomId"), json.getLong("seq", 0L),
        sender == null ? null : UserRef.fromJson(sender), json.getString("text"), json.getString("clientMsgId"),
        json.getString("createdAt"), json.getString("editedAt"), json.getBoolean("deleted", false),
        JsonValues.stringLists(json.getJsonObject("reactions")), Attachment.fromJson(json.getJsonObject("attachment")),
        json.getLong("version", 0L), json.getString("threadId"), ThreadSummary.fromJson(json.getJsonObject("thread")),
        JsonValues.strings(json.getJsonArray("mentions")), json.getBoolean("mentionsRoom", false),
        Pin.fromJson(json.getJsonObject("pinned")), json.getString("hookId"));
  }
}
