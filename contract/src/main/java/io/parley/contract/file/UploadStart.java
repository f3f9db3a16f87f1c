package io.parley.contract.file;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.chat.ChatIds;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * An upload begins: {@code {roomId?, name?, declaredType?}}. The room may be named now (a non-member is then
 * refused before any byte is stored) or only when it finishes. The name is cleaned by chat-service; raw names may
 * be up to four times the stored length, for what cleaning removes.
 */
public record UploadStart(String roomId, String name, String declaredType) {

  private static final int DECLARED_TYPE_MAX_CHARS = 255;

  public static final Codec<UploadStart> CODEC = Codec.of(UploadStart::toJson, UploadStart::parse);

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonValues.putIfPresent(json, "roomId", roomId);
    JsonValues.putIfPresent(json, "name", name);
    return JsonValues.putIfPresent(json, "declaredType", declaredType);
  }

  /** An upload of what a multipart body said (each part may be missing), checked as {@link #parse}. */
  public static UploadStart of(String roomId, String name, String declaredType) {
    return parse(new UploadStart(roomId, name, declaredType).toJson());
  }

  public static UploadStart parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String name = fields.optionalString("name", 0, 4 * Limits.FILE_NAME_MAX_CHARS);
    String declaredType = fields.optionalString("declaredType", 0, DECLARED_TYPE_MAX_CHARS);
    fields.throwIfInvalid();
    Object roomId = json.getValue("roomId");
    return new UploadStart(roomId == null ? null : ChatIds.room(roomId), name, declaredType);
  }
}
