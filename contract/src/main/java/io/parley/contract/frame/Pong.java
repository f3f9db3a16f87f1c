package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code pong}: the answer to {@code ping}. */
public record Pong() implements ServerFrame {

  @Override
  public String type() {
    return FrameTypes.PONG;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject();
  }
}
