package io.parley.auth.account;

import io.parley.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Asks presence-service who is online, so user lists can say it. */
public final class PresenceLookup {

  private static final DeliveryOptions QUICK = new DeliveryOptions().setSendTimeout(2_000);

  private final EventBus bus;

  public PresenceLookup(EventBus bus) {
    this.bus = bus;
  }

  /** Which of these users are online. */
  Future<Set<String>> onlineAmong(List<String> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return ask(new JsonObject().put("userIds", new JsonArray(userIds)));
  }

  /** Every user online anywhere. */
  Future<Set<String>> everyoneOnline() {
    return ask(new JsonObject());
  }

  private Future<Set<String>> ask(JsonObject request) {
    return bus.<JsonObject>request(Addresses.PRESENCE_QUERY, request, QUICK).map(reply -> {
      Set<String> online = new HashSet<>();
      reply.body().getJsonArray("online", new JsonArray()).forEach(id -> {
        if (id instanceof String userId) {
          online.add(userId);
        }
      });
      return online;
    });
  }
}
