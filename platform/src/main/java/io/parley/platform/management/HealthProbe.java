package io.parley.platform.management;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What {@code /health} on the management port asks: each named health address over the event bus, answered
 * within 2 s or counted down. A service asks its own instance in this process; a gateway, which works only when
 * every service answers, asks the cluster.
 */
@FunctionalInterface
public interface HealthProbe {

  long TIMEOUT_MS = 2_000;

  /** Answers {@code {"<address>": "up"|"down"}}. */
  Future<JsonObject> check(Vertx vertx);

  static HealthProbe inThisProcess(String... addresses) {
    return vertx -> ask(vertx, List.of(addresses), true);
  }

  static HealthProbe inTheCluster(String... addresses) {
    return vertx -> ask(vertx, List.of(addresses), false);
  }

  private static Future<JsonObject> ask(Vertx vertx, List<String> addresses, boolean localOnly) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(TIMEOUT_MS).setLocalOnly(localOnly);
    List<Future<Object>> answers = addresses.stream()
        .map(address -> vertx.eventBus().request(address, new JsonObject(), options).map(reply -> reply.body()))
        .toList();
    return Future.join(answers).transform(ignored -> {
      JsonObject checks = new JsonObject();
      for (int i = 0; i < addresses.size(); i++) {
        checks.put(addresses.get(i), answers.get(i).succeeded() ? "up" : "down");
      }
      return Future.succeededFuture(checks);
    });
  }

  static boolean allUp(JsonObject checks) {
    return checks.stream().allMatch(check -> "up".equals(check.getValue()));
  }
}
