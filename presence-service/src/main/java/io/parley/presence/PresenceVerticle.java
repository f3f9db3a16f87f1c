package io.parley.presence;

import io.parley.contract.Addresses;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * presence-service. Gateways publish every connection's coming and going and a heartbeat with their count, so
 * each presence instance holds the whole picture and any one of them can answer, or be lost. A gateway that
 * stops beating is declared gone with all its users; a count that disagrees is repaired from the gateway's
 * own list.
 */
public class PresenceVerticle extends VerticleBase {

  public static final String SERVICE = "presence-service";

  private final PresenceRegistry registry = new PresenceRegistry();
  private final Map<String, Long> lastHeartbeat = new HashMap<>();
  private PresenceAnnouncer announcer;
  private long expiryTimer;

  @Override
  public Future<?> start() {
    announcer = new PresenceAnnouncer(vertx, registry::isOnline);
    Future<Void> connected = vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE_CONNECTED,
        this::onConnected).completion();
    Future<Void> disconnected = vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE_DISCONNECTED,
        this::onDisconnected).completion();
    Future<Void> heartbeat = vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE_HEARTBEAT,
        this::onHeartbeat).completion();
    Future<Void> endpoints = new BusEndpoints(vertx.eventBus())
        .serve(Addresses.PRESENCE_QUERY, this::query)
        .serve(Addresses.PRESENCE_STATS, request -> {
          JsonObject gateways = new JsonObject();
          registry.gateways().forEach(id -> gateways.put(id, registry.connectionsOf(id)));
          return Future.succeededFuture(new JsonObject().put("gateways", gateways));
        })
        .serve(Addresses.PRESENCE_HEALTH, request -> Future.succeededFuture(
            new JsonObject().put("service", SERVICE).put("storage", "none")))
        .ready();
    return Future.all(connected, disconnected, heartbeat, endpoints).onSuccess(ready -> {
      expiryTimer = vertx.setPeriodic(1_000, timer -> expireSilentGateways());
      // A new instance learns the connections that opened before it from every gateway.
      vertx.eventBus().publish(Addresses.PRESENCE_RESYNC, new JsonObject());
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(expiryTimer);
    return Future.succeededFuture();
  }

  private void onConnected(Message<JsonObject> message) {
    JsonObject body = message.body();
    String gatewayId = body.getString("gatewayId");
    lastHeartbeat.putIfAbsent(gatewayId, System.currentTimeMillis());
    announcer.announce(registry.connected(gatewayId, body.getString("connectionId"), body.getString("userId")));
  }

  private void onDisconnected(Message<JsonObject> message) {
    JsonObject body = message.body();
    announcer.announce(registry.disconnected(body.getString("gatewayId"), body.getString("connectionId")));
  }

  private void onHeartbeat(Message<JsonObject> message) {
    String gatewayId = message.body().getString("gatewayId");
    int reported = message.body().getInteger("connections", 0);
    lastHeartbeat.put(gatewayId, System.currentTimeMillis());
    if (reported != registry.connectionsOf(gatewayId)) {
      vertx.eventBus().<JsonObject>request(Addresses.gatewayConnections(gatewayId), new JsonObject())
          .onSuccess(reply -> {
            Map<String, String> connections = new HashMap<>();
            reply.body().getJsonArray("connections", new JsonArray()).forEach(c -> {
              JsonObject connection = (JsonObject) c;
              connections.put(connection.getString("connectionId"), connection.getString("userId"));
            });
            announcer.announce(registry.replaceGateway(gatewayId, connections));
          });
    }
  }

  private void expireSilentGateways() {
    long now = System.currentTimeMillis();
    for (String gatewayId : registry.gateways()) {
      Long beat = lastHeartbeat.get(gatewayId);
      if (beat == null || now - beat > Addresses.PRESENCE_EXPIRY_MS) {
        lastHeartbeat.remove(gatewayId);
        announcer.announce(registry.gatewayGone(gatewayId));
      }
    }
  }

  private Future<JsonObject> query(JsonObject request) {
    JsonArray asked = request.getValue("userIds") instanceof JsonArray list ? list : null;
    JsonArray online = new JsonArray();
    if (asked == null) {
      registry.onlineUsers().forEach(online::add);
    } else {
      asked.forEach(id -> {
        if (id instanceof String userId && registry.isOnline(userId)) {
          online.add(userId);
        }
      });
    }
    return Future.succeededFuture(new JsonObject().put("online", online));
  }
}
