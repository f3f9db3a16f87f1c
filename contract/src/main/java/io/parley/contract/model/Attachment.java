package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A file attached to a message: {@code {fileId, name, size, contentType}}. */
public record Attachment(String fileId, String name, long size, String contentType) {

  public JsonObject toJson() {
    return new JsonObject().put("fileId", fileId).put("name", name).put("size", size).put("contentType", contentType);
  }

  public static Attachment fromJson(JsonObject json) {
    return json == null ? null : new Attachment(json.getString("fileId"), json.getString("name"),
        json.getLong("size", 0L), json.getString("contentType"));
  }
}
