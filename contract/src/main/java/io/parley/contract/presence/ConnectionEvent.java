package io.parley.contract.presence;

import io.vertx.core.json.JsonObject;

/** A socket of a user opened (authenticated) or closed on a gateway. */
public record ConnectionEvent(String userId, String gatewayId, String connectionId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("gatewayId", gatewayId).put("connectionId", connectionId);
  }

  public static ConnectionEvent fromJson(JsonObject json) {
    return new ConnectionEvent(json.getString("userId"), json.getString("gatewayId"), json.getString("connectionId"));
  }
}
