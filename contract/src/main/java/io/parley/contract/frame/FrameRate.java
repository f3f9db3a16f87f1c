package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/**
 * The rate at which a socket takes client frames, told in {@code ready} so that a client can pace itself rather
 * than be refused: {@code framesPerSecond} on average, bursts of {@code frameBurst}.
 */
public record FrameRate(int framesPerSecond, int frameBurst) {

  public JsonObject toJson() {
    return new JsonObject().put("framesPerSecond", framesPerSecond).put("frameBurst", frameBurst);
  }
}
