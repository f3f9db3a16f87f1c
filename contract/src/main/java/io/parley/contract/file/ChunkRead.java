package io.parley.contract.file;

import io.parley.contract.Actor;
import io.parley.contract.RequestFields;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A request for chunk {@code n} of a complete file, by a member of its room ({@code actor}) or by the holder of a
 * signed link ({@code exp}, epoch seconds, and {@code sig}): {@code {fileId, n, actor | exp, sig}}.
 */
public record ChunkRead(String fileId, long n, Actor actor, Long expiresAt, String signature) {

  public static ChunkRead asMember(String fileId, long n, Actor actor) {
    return new ChunkRead(fileId, n, actor, null, null);
  }

  /** A link's expiry that is no number is kept as none, which no link passes with. */
  public static ChunkRead bySignedLink(String fileId, long n, Long expiresAt, String signature) {
    return new ChunkRead(fileId, n, null, expiresAt, signature);
  }

  public boolean bySignedLink() {
    return actor == null;
  }

  /** The same request for another chunk of the file. */
  public ChunkRead chunk(long other) {
    return new ChunkRead(fileId, other, actor, expiresAt, signature);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("fileId", fileId).put("n", n);
    JsonValues.putIfPresent(json, "actor", actor == null ? null : actor.toJson());
    JsonValues.putIfPresent(json, "exp", expiresAt);
    return JsonValues.putIfPresent(json, "sig", signature);
  }

  public static ChunkRead parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Long n = fields.requiredLong("n", 0, Long.MAX_VALUE);
    fields.throwIfInvalid();
    Actor actor = json.getValue("actor") == null ? null : Actor.of(json);
    Long expiresAt = json.getValue("exp") instanceof Number exp ? exp.longValue() : null;
    String signature = json.getValue("sig") instanceof String sig ? sig : null;
    return new ChunkRead(FileRef.idIn(json), n, actor, expiresAt, signature);
  }
}
