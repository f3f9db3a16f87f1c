package io.parley.contract.file;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;

/** A short-lived signed link to a file, so that no token goes in a URL: {@code {url, expiresAt}}. */
public record FileLink(String url, String expiresAt) {

  public static final Codec<FileLink> CODEC = Codec.of(FileLink::toJson, FileLink::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("url", url).put("expiresAt", expiresAt);
  }

  public static FileLink fromJson(JsonObject json) {
    return new FileLink(json.getString("url"), json.getString("expiresAt"));
  }
}
