package io.parley.chat.timeline;

import io.vertx.core.json.JsonObject;

/**
 * One numbered change of a room's timeline, as the change log holds it: the claim of its version. A create
 * carries the new message (with its sender's client key, unique across the log); an update the fields it sets
 * and unsets. {@code lastSeq} is the room's last seq once the change is made, so the newest entry of a room is
 * all its counters. {@code token} names the attempt that wrote it, so that an instance that never heard the
 * store's answer recognises its own claim when it reads the log.
 */
record ChangeEntry(String roomId, long version, long lastSeq, String token, String clientKey, String messageId,
    JsonObject message, JsonObject set, JsonObject unset) {

  boolean isCreate() {
    return message != null;
  }

  /** A new message taking a version; {@code message} is as stored, and is given the version here. */
  static ChangeEntry create(String roomId, long version, String token, String clientKey, JsonObject message) {
    message.put("version", version);
    return new ChangeEntry(roomId, version, message.getLong("seq"), token, clientKey, message.getString("_id"),
        message, null, null);
  }

  static ChangeEntry update(String roomId, long version, long lastSeq, String token, String messageId,
      JsonObject set, JsonObject unset) {
    return new ChangeEntry(roomId, version, lastSeq, token, null, messageId, null, set, unset);
  }

  JsonObject toDoc() {
    JsonObject doc = new JsonObject()
        .put("_id", ChangeLog.changeId(roomId, version))
        .put("lastSeq", lastSeq)
        .put("messageId", messageId)
        .put("by", token);
    if (clientKey != null) {
      doc.put("clientKey", clientKey);
    }
    return isCreate() ? doc.put("message", message) : doc.put("set", set).put("unset", unset);
  }

  /** A stored entry; its room and version are those of its {@code _id}. */
  static ChangeEntry fromDoc(JsonObject doc) {
    String id = doc.getString("_id");
    int dash = id.lastIndexOf('-');
    return new ChangeEntry(id.substring(0, dash), Long.parseLong(id.substring(dash + 1)),
        doc.getLong("lastSeq", 0L), doc.getString("by"), doc.getString("clientKey"), doc.getString("messageId"), doc.getJsonObject("message"),
        doc.getJsonObject("set"), doc.getJsonObject("unset"));
  }

  /**
   * An entry of the journal's {@code pending} map, as chat-service wrote it before the change log held claims:
   * {@code {kind, version, message | messageId, set, unset}}. Its lastSeq is not known, nor needed to apply it.
   */
  static ChangeEntry fromLegacy(String roomId, JsonObject entry) {
    long version = entry.getLong("version");
    JsonObject message = entry.getJsonObject("message");
    return "create".equals(entry.getString("kind"))
        ? new ChangeEntry(roomId, version, message.getLong("seq"), null, null, message.getString("_id"),
            message.copy().put("version", version), null, null)
        : new ChangeEntry(roomId, version, 0L, null, null, entry.getString("messageId"), null,
            entry.getJsonObject("set", new JsonObject()), entry.getJsonObject("unset", new JsonObject()));
  }
}
