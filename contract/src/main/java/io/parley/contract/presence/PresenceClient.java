package io.parley.contract.presence;

import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Health;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link PresenceService} over the event bus, for the services and gateways that ask it. */
public final class PresenceClient implements PresenceService {

  private final BusClient bus;

  public PresenceClient(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<Set<String>> online(Collection<String> userIds) {
    return bus.call(PresenceOperations.QUERY, List.copyOf(userIds));
  }

  @Override
  public Future<Set<String>> everyoneOnline() {
    return bus.call(PresenceOperations.QUERY, null);
  }

  @Override
  public Future<Map<String, Integer>> connectionsPerGateway() {
    return bus.call(PresenceOperations.STATS, null);
  }

  @Override
  public Future<Health> health() {
    return bus.call(PresenceOperations.HEALTH, null);
  }
}
