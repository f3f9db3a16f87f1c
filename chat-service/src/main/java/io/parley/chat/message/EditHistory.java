package io.parley.chat.message;

import io.parley.contract.chat.EarlierText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code message_edits} collection: {@code {_id: messageId, roomId, edits:{"v<version>": {text, editedAt}}}},
 * each text an edit replaced, under the version of that edit, so an edit recorded twice or late keeps its place.
 */
public final class EditHistory {

  private static final String EDITS = "message_edits";

  private final MongoClient mongo;

  public EditHistory(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The edit at {@code version} replaced {@code text} at {@code editedAt}. */
  Future<Void> record(String messageId, String roomId, long version, String text, String editedAt) {
    JsonObject set = new JsonObject().put("roomId", roomId)
        .put("edits.v" + version, new EarlierText(text, editedAt).toJson());
    return mongo.updateCollectionWithOptions(EDITS, new JsonObject().put("_id", messageId),
        new JsonObject().put("$set", set), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** A message's earlier texts, oldest first. */
  Future<List<EarlierText>> of(String messageId) {
    return mongo.findOne(EDITS, new JsonObject().put("_id", messageId), null).map(doc -> {
      JsonObject edits = doc == null ? new JsonObject() : doc.getJsonObject("edits", new JsonObject());
      return edits.fieldNames().stream()
          .sorted(Comparator.comparingLong(version -> Long.parseLong(version.substring(1))))
          .map(version -> EarlierText.fromJson(edits.getJsonObject(version)))
          .toList();
    });
  }

  /** A deleted message's earlier texts are deleted with it. */
  Future<Void> forget(String messageId) {
    return mongo.removeDocument(EDITS, new JsonObject().put("_id", messageId)).mapEmpty();
  }

  /** The edits of every message of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(EDITS, new JsonObject().put("roomId", roomId)).mapEmpty();
  }
}
