package io.parley.gateway.socket.presence;

import io.parley.contract.Addresses;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Tells presence-service about this gateway's connections: each one opening and closing, a heartbeat with the
 * count every two seconds (so a gateway that dies is noticed), and the full list whenever presence asks.
 */
public final class PresenceReporter {

  private final Vertx vertx;
  private final String gatewayId;
  private final Supplier<Collection<ClientConnection>> authenticated;
  private final long heartbeatTimer;
  private final MessageConsumer<JsonObject> snapshots;
  private final MessageConsumer<JsonObject> resyncs;

  public PresenceReporter(Vertx vertx, String gatewayId, Supplier<Collection<ClientConnection>> authenticated) {
    this.vertx = vertx;
    this.gatewayId = gatewayId;
    this.authenticated = authenticated;
    this.heartbeatTimer = vertx.setPeriodic(Addresses.PRESENCE_HEARTBEAT_MS, timer -> heartbeat());
    this.snapshots = vertx.eventBus().consumer(Addresses.gatewayConnections(gatewayId),
        request -> request.reply(snapshot()));
    this.resyncs = vertx.eventBus().consumer(Addresses.PRESENCE_RESYNC, request -> heartbeat());
  }

  public void connected(ClientConnection connection) {
    vertx.eventBus().publish(Addresses.PRESENCE_CONNECTED, event(connection));
  }

  public void disconnected(ClientConnection connection) {
    vertx.eventBus().publish(Addresses.PRESENCE_DISCONNECTED, event(connection));
  }

  public void stop() {
    vertx.cancelTimer(heartbeatTimer);
    snapshots.unregister();
    resyncs.unregister();
  }

  private void heartbeat() {
    vertx.eventBus().publish(Addresses.PRESENCE_HEARTBEAT, new JsonObject()
        .put("gatewayId", gatewayId).put("connections", authenticated.get().size()));
  }

  private JsonObject snapshot() {
    JsonArray connections = new JsonArray();
    authenticated.get().forEach(c -> connections.add(new JsonObject()
        .put("connectionId", c.id()).put("userId", c.userId())));
    return new JsonObject().put("gatewayId", gatewayId).put("connections", connections);
  }

  private JsonObject event(ClientConnection connection) {
    return new JsonObject()
        .put("userId", connection.userId())
        .put("gatewayId", gatewayId)
        .put("connectionId", connection.id());
  }
}
