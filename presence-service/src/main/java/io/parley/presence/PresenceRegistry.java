package io.parley.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which connections each gateway holds, per user. A user is online while any gateway holds one of their
 * connections. Every change answers the users whose status it changed.
 */
public final class PresenceRegistry {

  /** gatewayId -> connectionId -> userId. */
  private final Map<String, Map<String, String>> byGateway = new HashMap<>();
  /** userId -> number of open connections anywhere. */
  private final Map<String, Integer> connectionCounts = new HashMap<>();

  /** The users whose status changed: who came online and who went offline. */
  public record Changes(Set<String> online, Set<String> offline) {
    static Changes none() {
      return new Changes(Set.of(), Set.of());
    }
  }

  public Changes connected(String gatewayId, String connectionId, String userId) {
    String previous = byGateway.computeIfAbsent(gatewayId, g -> new HashMap<>()).put(connectionId, userId);
    if (previous != null) {
      return Changes.none();
    }
    return acquire(userId) ? new Changes(Set.of(userId), Set.of()) : Changes.none();
  }

  public Changes disconnected(String gatewayId, String connectionId) {
    Map<String, String> connections = byGateway.get(gatewayId);
    String userId = connections == null ? null : connections.remove(connectionId);
    if (userId == null) {
      return Changes.none();
    }
    return release(userId) ? new Changes(Set.of(), Set.of(userId)) : Changes.none();
  }

  /** Forgets a gateway and every connection it held. */
  public Changes gatewayGone(String gatewayId) {
    return replaceGateway(gatewayId, Map.of());
  }

  /** Takes a gateway's full list of connections as the truth, replacing what was known of it. */
  public Changes replaceGateway(String gatewayId, Map<String, String> connections) {
    Map<String, String> before = byGateway.getOrDefault(gatewayId, Map.of());
    Set<String> online = new HashSet<>();
    Set<String> offline = new HashSet<>();
    connections.forEach((connectionId, userId) -> {
      if (!before.containsKey(connectionId) && acquire(userId)) {
        online.add(userId);
      }
    });
    before.forEach((connectionId, userId) -> {
      if (!connections.containsKey(connectionId) && release(userId)) {
        offline.add(userId);
      }
    });
    if (connections.isEmpty()) {
      byGateway.remove(gatewayId);
    } else {
      byGateway.put(gatewayId, new HashMap<>(connections));
    }
    // A user who moved from one connection to another within the snapshot neither came nor went.
    Set<String> both = new HashSet<>(online);
    both.retainAll(offline);
    online.removeAll(both);
    offline.removeAll(both);
    return new Changes(online, offline);
  }

  public int connectionsOf(String gatewayId) {
    return byGateway.getOrDefault(gatewayId, Map.of()).size();
  }

  public Set<String> gateways() {
    return Set.copyOf(byGateway.keySet());
  }

  public boolean isOnline(String userId) {
    return connectionCounts.containsKey(userId);
  }

  /** How many users are online; read by the metrics scrape from another thread, so it may lag a change. */
  public int onlineCount() {
    return connectionCounts.size();
  }

  public Set<String> onlineUsers() {
    return Set.copyOf(connectionCounts.keySet());
  }

  private boolean acquire(String userId) {
    return connectionCounts.merge(userId, 1, Integer::sum) == 1;
  }

  private boolean release(String userId) {
    Integer left = connectionCounts.computeIfPresent(userId, (id, count) -> count == 1 ? null : count - 1);
    return left == null;
  }
}
