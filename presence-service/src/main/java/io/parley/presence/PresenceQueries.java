package io.parley.presence;

import io.parley.contract.model.Health;
import io.parley.contract.presence.PresenceService;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What presence-service answers, read from this instance's registry (every instance holds the whole picture). */
final class PresenceQueries implements PresenceService {

  private final PresenceRegistry registry;

  PresenceQueries(PresenceRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<Set<String>> online(Collection<String> userIds) {
    Set<String> online = new LinkedHashSet<>();
    userIds.stream().filter(registry::isOnline).forEach(online::add);
    return Future.succeededFuture(online);
  }

  @Override
  public Future<Set<String>> everyoneOnline() {
    return Future.succeededFuture(registry.onlineUsers());
  }

  @Override
  public Future<Map<String, Integer>> connectionsPerGateway() {
    Map<String, Integer> counts = new TreeMap<>();
    registry.gateways().forEach(gatewayId -> counts.put(gatewayId, registry.connectionsOf(gatewayId)));
    return Future.succeededFuture(counts);
  }

  @Override
  public Future<Health> health() {
    return Future.succeededFuture(new Health(PresenceVerticle.SERVICE, "none"));
  }
}
