package io.parley.contract.presence;

import io.parley.contract.bus.BusEndpoints;

/** Serves a {@link PresenceService} on its addresses: what presence-service and tests' fakes call. */
public final class PresenceEndpoints {

  private PresenceEndpoints() {
  }

  public static BusEndpoints bind(BusEndpoints endpoints, PresenceService service) {
    return endpoints
        .serveInternal(PresenceOperations.QUERY, userIds -> userIds == null
            ? service.everyoneOnline()
            : service.online(userIds))
        .serveInternal(PresenceOperations.STATS, ignored -> service.connectionsPerGateway())
        .serveInternal(PresenceOperations.HEALTH, ignored -> service.health());
  }
}
