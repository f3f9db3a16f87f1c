package io.parley.contract.search;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Health;
import io.vertx.core.Future;

/** {@link SearchService} over the event bus, for gateways. A search-service that is down answers unavailable. */
public final class SearchClient implements SearchService {

  private final BusClient bus;

  public SearchClient(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<SearchResults> search(Actor actor, SearchQuery query) {
    return bus.call(SearchOperations.QUERY, actor, query);
  }

  @Override
  public Future<Health> health() {
    return bus.call(SearchOperations.HEALTH, null);
  }
}
