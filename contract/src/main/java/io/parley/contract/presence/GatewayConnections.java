package io.parley.contract.presence;

import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** One gateway's open connections: connection id to user id. */
public record GatewayConnections(String gatewayId, Map<String, String> userIdByConnection) {

  public JsonObject toJson() {
    JsonArray connections = new JsonArray();
    userIdByConnection.forEach((connectionId, userId) ->
        connections.add(new JsonObject().put("connectionId", connectionId).put("userId", userId)));
    return new JsonObject().put("gatewayId", gatewayId).put("connections", connections);
  }

  public static GatewayConnections fromJson(JsonObject json) {
    Map<String, String> connections = new LinkedHashMap<>();
    JsonValues.decodeAll(json.getJsonArray("connections"), c -> c)
        .forEach(c -> connections.put(c.getString("connectionId"), c.getString("userId")));
    return new GatewayConnections(json.getString("gatewayId"), connections);
  }
}
