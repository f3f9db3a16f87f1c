package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code auth_renewed}: a fresh token was accepted on an open socket, which now lives until it expires. */
public record AuthRenewed(String expiresAt) implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.AUTH_RENEWED;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject().put("expiresAt", expiresAt);
  }
}
