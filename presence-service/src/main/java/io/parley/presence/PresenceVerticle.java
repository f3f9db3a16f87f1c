package io.parley.presence;

import io.micrometer.core.instrument.Gauge;
import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.presence.ConnectionEvent;
import io.parley.contract.presence.Heartbeat;
import io.parley.contract.presence.PresenceEndpoints;
import io.parley.contract.presence.PresenceOperations;
import io.parley.platform.management.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
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
  private Gauge online;
  private BusClient bus;
  private PresenceAnnouncer announcer;
  private long expiryTimer;

  @Override
  public Future<?> start() {
    bus = new BusClient(vertx.eventBus());
    announcer = new PresenceAnnouncer(vertx, bus, new ChatClient(bus), registry::isOnline);
    BusEndpoints endpoints = PresenceEndpoints.bind(new BusEndpoints(vertx.eventBus()), new PresenceQueries(registry))
        .listen(PresenceOperations.CONNECTED, this::onConnected)
        .listen(PresenceOperations.DISCONNECTED, this::onDisconnected)
        .listen(PresenceOperations.HEARTBEAT, this::onHeartbeat);
    // Every instance holds the whole picture: a dashboard takes the largest of their figures, not the sum.
    online = Gauge.builder("parley_presence_online_users", registry, PresenceRegistry::onlineCount)
        .description("users with at least one open socket on any gateway").tag("instance", Ids.newId())
        .register(Metrics.registry());
    return endpoints.ready().onSuccess(ready -> {
      expiryTimer = vertx.setPeriodic(1_000, timer -> expireSilentGateways());
      // A new instance learns the connections that opened before it from every gateway.
      bus.publish(PresenceOperations.RESYNC, null);
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(expiryTimer);
    Metrics.registry().remove(online);
    return Future.succeededFuture();
  }

  private void onConnected(ConnectionEvent event) {
    lastHeartbeat.putIfAbsent(event.gatewayId(), System.currentTimeMillis());
    announcer.announce(registry.connected(event.gatewayId(), event.connectionId(), event.userId()));
  }

  private void onDisconnected(ConnectionEvent event) {
    announcer.announce(registry.disconnected(event.gatewayId(), event.connectionId()));
  }

  private void onHeartbeat(Heartbeat heartbeat) {
    String gatewayId = heartbeat.gatewayId();
    lastHeartbeat.put(gatewayId, System.currentTimeMillis());
    if (heartbeat.connections() != registry.connectionsOf(gatewayId)) {
      bus.call(PresenceOperations.gatewayConnections(gatewayId), null).onSuccess(snapshot ->
          announcer.announce(registry.replaceGateway(gatewayId, snapshot.userIdByConnection())));
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
}
