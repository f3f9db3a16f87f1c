package io.parley.contract.presence;

import io.parley.contract.model.Health;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * presence-service: who is online. Gateways tell it of every connection through notices
 * ({@link PresenceOperations#CONNECTED}, {@link PresenceOperations#DISCONNECTED}, heartbeats); every instance
 * holds the whole picture, so any one answers.
 */
public interface PresenceService {

  /** Which of these users have an open connection now. */
  Future<Set<String>> online(Collection<String> userIds);

  /** Everyone with an open connection now. */
  Future<Set<String>> everyoneOnline();

  /** Open authenticated sockets per gateway id, for the admin's figures. */
  Future<Map<String, Integer>> connectionsPerGateway();

  Future<Health> health();
}
