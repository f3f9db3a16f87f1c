package io.parley.testing;

import io.parley.contract.model.Health;
import io.parley.contract.presence.PresenceService;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** presence-service as a test says it is, for a service tested on its own: exactly the users it was told are online. */
public final class FakePresence implements PresenceService {

  private final Set<String> online = ConcurrentHashMap.newKeySet();

  public void setOnline(String userId, boolean isOnline) {
    if (isOnline) {
      online.add(userId);
    } else {
      online.remove(userId);
    }
  }

  @Override
  public Future<Set<String>> online(Collection<String> userIds) {
    return Future.succeededFuture(userIds.stream().filter(online::contains).collect(Collectors.toSet()));
  }

  @Override
  public Future<Set<String>> everyoneOnline() {
    return Future.succeededFuture(Set.copyOf(online));
  }

  @Override
  public Future<Map<String, Integer>> connectionsPerGateway() {
    return Future.succeededFuture(Map.of("fake-gateway", online.size()));
  }

  @Override
  public Future<Health> health() {
    return Future.succeededFuture(new Health("presence-service", "none"));
  }
}
