package io.parley.contract.file;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A request about one file or upload: {@code {fileId}} (abort, link). */
public record FileRef(String fileId) {

  public static final Codec<FileRef> CODEC = Codec.of(FileRef::toJson, FileRef::parse);

  public JsonObject toJson() {
    return new JsonObject().put("fileId", fileId);
  }

  /** Anything but a string names no file, and is then {@code not_found} as an unknown id is. */
  public static FileRef parse(JsonObject json) {
    return new FileRef(idIn(json));
  }

  static String idIn(JsonObject json) {
    return json.getValue("fileId") instanceof String id ? id : "";
  }
}
