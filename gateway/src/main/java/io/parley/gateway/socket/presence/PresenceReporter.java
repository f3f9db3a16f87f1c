package io.parley.gateway.socket.presence;

import io.parley.contract.Addresses;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.presence.ConnectionEvent;
import io.parley.contract.presence.GatewayConnections;
import io.parley.contract.presence.Heartbeat;
import io.parley.contract.presence.PresenceOperations;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells presence-service about this gateway's connections through {@link PresenceOperations}' notices: each one
 * opening and closing, a heartbeat with the count every two seconds (so a gateway that dies is noticed), and
 * the full list whenever presence asks ({@link PresenceOperations#gatewayConnections}).
 */
public final class PresenceReporter {

  private final Vertx vertx;
  private final BusClient bus;
  private final String gatewayId;
  private final Supplier<Collection<ClientConnection>> authenticated;
  private final long heartbeatTimer;
  private final BusEndpoints endpoints;

  public PresenceReporter(Vertx vertx, String gatewayId, Supplier<Collection<ClientConnection>> authenticated) {
    this.vertx = vertx;
    this.bus = new BusClient(vertx.eventBus());
    this.gatewayId = gatewayId;
    this.authenticated = authenticated;
    this.heartbeatTimer = vertx.setPeriodic(Addresses.PRESENCE_HEARTBEAT_MS, timer -> heartbeat());
    this.endpoints = new BusEndpoints(vertx.eventBus())
        .serveInternal(PresenceOperations.gatewayConnections(gatewayId), none -> Future.succeededFuture(snapshot()))
        .listen(PresenceOperations.RESYNC, none -> heartbeat());
  }

  public void connected(ClientConnection connection) {
    bus.publish(PresenceOperations.CONNECTED, event(connection));
  }

  public void disconnected(ClientConnection connection) {
    bus.publish(PresenceOperations.DISCONNECTED, event(connection));
  }

  public void stop() {
    vertx.cancelTimer(heartbeatTimer);
    endpoints.close();
  }

  private void heartbeat() {
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat(gatewayId, authenticated.get().size()));
  }

  private GatewayConnections snapshot() {
    Map<String, String> userIdByConnection = new LinkedHashMap<>();
    authenticated.get().forEach(c -> userIdByConnection.put(c.id(), c.userId()));
    return new GatewayConnections(gatewayId, userIdByConnection);
  }

  private ConnectionEvent event(ClientConnection connection) {
    return new ConnectionEvent(connection.userId(), gatewayId, connection.id());
  }
}
