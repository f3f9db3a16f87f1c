package io.parley.contract.search;

import io.parley.contract.bus.BusEndpoints;

/** Serves a {@link SearchService} on its addresses: what search-service and tests' fakes call. */
public final class SearchEndpoints {

  private SearchEndpoints() {
  }

  public static BusEndpoints bind(BusEndpoints endpoints, SearchService service) {
    return endpoints
        .serve(SearchOperations.QUERY, service::search)
        .serveInternal(SearchOperations.HEALTH, ignored -> service.health());
  }
}
