package io.parley.contract.file;

import io.parley.contract.bus.Codec;
import io.parley.contract.chat.ChatIds;
import io.vertx.core.json.JsonObject;

/** An upload is complete, for this room: {@code {fileId, roomId}}. */
public record UploadFinish(String fileId, String roomId) {

  public static final Codec<UploadFinish> CODEC = Codec.of(UploadFinish::toJson, UploadFinish::parse);

  public JsonObject toJson() {
    return new JsonObject().put("fileId", fileId).put("roomId", roomId);
  }

  /** The finish of an upload into the room a multipart body named (or did not), checked as {@link #parse}. */
  public static UploadFinish of(String fileId, String roomId) {
    return parse(new JsonObject().put("fileId", fileId).put("roomId", roomId));
  }

  /** The room is required ({@link ChatIds#room}); a file id that is no string names no upload. */
  public static UploadFinish parse(JsonObject json) {
    return new UploadFinish(FileRef.idIn(json), ChatIds.room(json.getValue("roomId")));
  }
}
