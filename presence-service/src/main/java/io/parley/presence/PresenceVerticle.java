package io.parley.presence;

import io.parley.contract.Addresses;
import io.parley.platform.BusEndpoints;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * presence-service: gateways publish every connection's coming and going, so each presence instance holds the
 * whole picture and any one of them can answer, or be lost.
 */
public class PresenceVerticle extends VerticleBase {

  public static final String SERVICE = "presence-service";

  private final PresenceRegistry registry = new PresenceRegistry();

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config()).compose(loaded -> {
      Future<Void> connected = vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE_CONNECTED,
          this::onConnected).completion();
      Future<Void> disconnected = vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE_DISCONNECTED,
          this::onDisconnected).completion();
      Future<Void> endpoints = new BusEndpoints(vertx.eventBus())
          .serve(Addresses.PRESENCE_QUERY, this::query)
          .serve(Addresses.PRESENCE_HEALTH, request -> Future.succeededFuture(
              new JsonObject().put("service", SERVICE).put("storage", "none")))
          .ready();
      return Future.all(connected, disconnected, endpoints);
    });
  }

  private void onConnected(Message<JsonObject> message) {
    JsonObject body = message.body();
    registry.connected(body.getString("gatewayId"), body.getString("connectionId"), body.getString("userId"));
  }

  private void onDisconnected(Message<JsonObject> message) {
    JsonObject body = message.body();
    registry.disconnected(body.getString("gatewayId"), body.getString("connectionId"));
  }

  private Future<JsonObject> query(JsonObject request) {
    JsonArray asked = request.getJsonArray("userIds");
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
