package io.parley.gateway.http;

import io.parley.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: 200 when every service answers over the bus and reaches its storage, else 503 naming what is not. */
public final class HealthCheck {

  private static final DeliveryOptions QUICK = new DeliveryOptions().setSendTimeout(2_000);
  private static final Map<String, String> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("auth-service", Addresses.AUTH_HEALTH);
    SERVICES.put("chat-service", Addresses.CHAT_HEALTH);
    SERVICES.put("presence-service", Addresses.PRESENCE_HEALTH);
  }

  private final EventBus bus;

  public HealthCheck(EventBus bus) {
    this.bus = bus;
  }

  public void handle(RoutingContext ctx) {
    List<String> names = List.copyOf(SERVICES.keySet());
    List<Future<JsonObject>> probes = names.stream()
        .map(name -> bus.<JsonObject>request(SERVICES.get(name), new JsonObject(), QUICK).map(r -> r.body()))
        .toList();
    Future.join(probes).onComplete(ignored -> {
      JsonObject services = new JsonObject();
      boolean allUp = true;
      for (int i = 0; i < names.size(); i++) {
        boolean up = probes.get(i).succeeded();
        allUp &= up;
        services.put(names.get(i), up ? "up" : "down");
      }
      ctx.response()
          .setStatusCode(allUp ? 200 : 503)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("status", allUp ? "up" : "down").put("services", services).encode());
    });
  }
}
