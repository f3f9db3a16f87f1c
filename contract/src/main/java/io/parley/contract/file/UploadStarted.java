package io.parley.contract.file;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A begun upload: its file id, the largest file it may become, and about how many bytes each chunk carries. */
public record UploadStarted(String fileId, long maxBytes, int chunkBytes) {

  public static final Codec<UploadStarted> CODEC = Codec.of(UploadStarted::toJson, UploadStarted::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("fileId", fileId).put("maxBytes", maxBytes).put("chunkBytes", chunkBytes);
  }

  public static UploadStarted fromJson(JsonObject json) {
    return new UploadStarted(json.getString("fileId"), json.getLong("maxBytes", 0L), json.getInteger("chunkBytes", 0));
  }
}
