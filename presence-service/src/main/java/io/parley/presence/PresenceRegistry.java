package io.parley.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which connections each gateway holds, per user. A user is online while any gateway holds one of their
 * connections. Answers whether a change made a user come online or go offline.
 */
public final class PresenceRegistry {

  /** gatewayId -> connectionId -> userId. */
  private final Map<String, Map<String, String>> byGateway = new HashMap<>();
  /** userId -> number of open connections anywhere. */
  private final Map<String, Integer> connectionCounts = new HashMap<>();

  /** Answers true when this was the user's first connection. */
  public boolean connected(String gatewayId, String connectionId, String userId) {
    String previous = byGateway.computeIfAbsent(gatewayId, g -> new HashMap<>()).put(connectionId, userId);
    if (previous != null) {
      return false;
    }
    return connectionCounts.merge(userId, 1, Integer::sum) == 1;
  }

  /** Answers true when this was the user's last connection. */
  public boolean disconnected(String gatewayId, String connectionId) {
    Map<String, String> connections = byGateway.get(gatewayId);
    String userId = connections == null ? null : connections.remove(connectionId);
    if (userId == null) {
      return false;
    }
    return release(userId);
  }

  /** Forgets a gateway and every connection it held; answers the users who went offline with it. */
  public Set<String> gatewayGone(String gatewayId) {
    Map<String, String> connections = byGateway.remove(gatewayId);
    Set<String> offline = new HashSet<>();
    if (connections != null) {
      connections.values().forEach(userId -> {
        if (release(userId)) {
          offline.add(userId);
        }
      });
    }
    return offline;
  }

  public boolean isOnline(String userId) {
    return connectionCounts.containsKey(userId);
  }

  public Set<String> onlineUsers() {
    return Set.copyOf(connectionCounts.keySet());
  }

  private boolean release(String userId) {
    Integer left = connectionCounts.computeIfPresent(userId, (id, count) -> count == 1 ? null : count - 1);
    return left == null;
  }
}
