package io.parley.contract.model;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A message as the contract shows it. {@code seq} numbers the room's messages without gaps; {@code version} is
 * the room version of the message's latest change. A deleted message keeps its seq, with empty text.
 */
public record Message(String id, String roomId, long seq, UserRef sender, String text, String clientMsgId,
    String createdAt, String editedAt, boolean deleted, Map<String, List<String>> reactions, Attachment attachment,
    long version) {

  public Message {
    reactions = reactions == null ? Map.of() : reactions;
  }

  public boolean isFrom(String userId) {
    return sender != null && sender.id().equals(userId);
  }

  public Message withVersion(long newVersion) {
    return new Message(id, roomId, seq, sender, text, clientMsgId, createdAt, editedAt, deleted, reactions,
        attachment, newVersion);
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
    return attachment == null ? json : json.put("attachment", attachment.toJson());
  }

  public static Message fromJson(JsonObject json) {
    JsonObject sender = json.getJsonObject("sender");
    return new Message(json.getString("id"), json.getString("roomId"), json.getLong("seq", 0L),
        sender == null ? null : UserRef.fromJson(sender), json.getString("text"), json.getString("clientMsgId"),
        json.getString("createdAt"), json.getString("editedAt"), json.getBoolean("deleted", false),
        JsonValues.stringLists(json.getJsonObject("reactions")), Attachment.fromJson(json.getJsonObject("attachment")),
        json.getLong("version", 0L));
  }
}
