package io.parley.contract.presence;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Notice;
import io.parley.contract.bus.Operation;
import io.parley.contract.model.Health;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What presence-service answers and hears on the event bus, with the payload of each. */
public final class PresenceOperations {

  private PresenceOperations() {
  }

  /** A list of user ids, or null for "everyone". */
  private static final Codec<List<String>> USER_IDS = Codec.of(
      userIds -> userIds == null ? new JsonObject() : new JsonObject().put("userIds", JsonValues.array(userIds)),
      json -> json.getValue("userIds") instanceof JsonArray list ? JsonValues.strings(list) : null);

  private static final Codec<Set<String>> ONLINE = Codec.of(
      online -> new JsonObject().put("online", JsonValues.array(List.copyOf(online))),
      json -> new LinkedHashSet<>(JsonValues.strings(json.getJsonArray("online"))));

  private static final Codec<Map<String, Integer>> PER_GATEWAY = Codec.of(
      counts -> new JsonObject().put("gateways", new JsonObject(Map.copyOf(counts))),
      json -> {
        Map<String, Integer> counts = new TreeMap<>();
        json.getJsonObject("gateways", new JsonObject())
            .forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).intValue()));
        return counts;
      });

  public static final Operation<List<String>, Set<String>> QUERY = Operation.internal(Addresses.PRESENCE_QUERY,
      USER_IDS, ONLINE, "{userIds?:[...]} -> {online:[userId]}; without userIds, everyone online.")
      .idempotent();

  public static final Operation<Void, Map<String, Integer>> STATS = Operation.internal(Addresses.PRESENCE_STATS,
      Codec.NONE, PER_GATEWAY, "{} -> {gateways:{gatewayId: connections}}: open authenticated sockets per gateway.")
      .idempotent();

  public static final Operation<Void, Health> HEALTH = Operation.internal(Addresses.PRESENCE_HEALTH, Codec.NONE,
      Health.CODEC, "{} -> {service, storage}: answers while the service runs.")
      .idempotent();

  private static final Codec<ConnectionEvent> CONNECTION = Codec.of(ConnectionEvent::toJson, ConnectionEvent::fromJson);

  public static final Notice<ConnectionEvent> CONNECTED = new Notice<>(Addresses.PRESENCE_CONNECTED, CONNECTION,
      "{userId, gatewayId, connectionId}: published by a gateway when a socket authenticates.");

  public static final Notice<ConnectionEvent> DISCONNECTED = new Notice<>(Addresses.PRESENCE_DISCONNECTED, CONNECTION,
      "{userId, gatewayId, connectionId}: published by a gateway when an authenticated socket closes.");

  public static final Notice<Heartbeat> HEARTBEAT = new Notice<>(Addresses.PRESENCE_HEARTBEAT,
      Codec.of(Heartbeat::toJson, Heartbeat::fromJson),
      "{gatewayId, connections}, published by every gateway every " + Addresses.PRESENCE_HEARTBEAT_MS + " ms. A "
          + "gateway not heard from for " + Addresses.PRESENCE_EXPIRY_MS + " ms is gone and its users with it; a "
          + "count that does not match makes presence ask that gateway for its connections.");

  public static final Notice<Void> RESYNC = new Notice<>(Addresses.PRESENCE_RESYNC, Codec.NONE,
      "{}: published by presence-service when it starts; every gateway answers with a heartbeat.");

  /** Every gateway's connections, as the address table shows them; {@link #gatewayConnections} is one gateway's. */
  public static final Operation<Void, GatewayConnections> GATEWAY_CONNECTIONS = Operation.internal(
      Addresses.gatewayConnections("<gatewayId>"), Codec.NONE,
      Codec.of(GatewayConnections::toJson, GatewayConnections::fromJson),
      "{} -> {gatewayId, connections:[{connectionId, userId}]}: one gateway's open connections, asked of it by "
          + "presence-service when its heartbeat's count disagrees.")
      .idempotent();

  /** {@code {}} -> one gateway's open connections, asked of that gateway by presence-service. */
  public static Operation<Void, GatewayConnections> gatewayConnections(String gatewayId) {
    return GATEWAY_CONNECTIONS.at(Addresses.gatewayConnections(gatewayId));
  }
}
