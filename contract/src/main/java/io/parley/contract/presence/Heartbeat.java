package io.parley.contract.presence;

import io.vertx.core.json.JsonObject;

/** A gateway's periodic sign of life, with how many authenticated sockets it holds. */
public record Heartbeat(String gatewayId, int connections) {

  public JsonObject toJson() {
    return new JsonObject().put("gatewayId", gatewayId).put("connections", connections);
  }

  public static Heartbeat fromJson(JsonObject json) {
    return new Heartbeat(json.getString("gatewayId"), json.getInteger("connections", 0));
  }
}
