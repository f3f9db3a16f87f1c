package io.parley.gateway.http;

import io.parley.contract.auth.AuthClient;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.presence.PresenceClient;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /health}: 200 when every service answers over the bus and reaches its storage, else 503 naming what is not. */
public final class HealthCheck {

  /** A probe answers quickly or the service counts as down. */
  private static final long QUICK_MS = 2_000;

  private final Map<String, Supplier<Future<?>>> probes = new LinkedHashMap<>();

  public HealthCheck(EventBus eventBus) {
    BusClient quick = new BusClient(eventBus, QUICK_MS);
    AuthClient auth = new AuthClient(quick);
    PresenceClient presence = new PresenceClient(quick);
    probes.put("auth-service", auth::health);
    probes.put("chat-service", new ChatClient(quick)::health);
    probes.put("presence-service", presence::health);
  }

  public void handle(RoutingContext ctx) {
    List<String> names = List.copyOf(probes.keySet());
    List<Future<?>> answers = names.stream().<Future<?>>map(name -> probes.get(name).get()).toList();
    Future.join(answers).onComplete(ignored -> {
      JsonObject services = new JsonObject();
      boolean allUp = true;
      for (int i = 0; i < names.size(); i++) {
        boolean up = answers.get(i).succeeded();
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
