package io.parley.contract.search;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;
import io.parley.contract.model.Health;

/** What search-service answers on the event bus, with the payload of each. */
public final class SearchOperations {

  private SearchOperations() {
  }

  public static final Operation<SearchQuery, SearchResults> QUERY = Operation.forActor(Addresses.SEARCH_QUERY,
      SearchQuery.CODEC, SearchResults.CODEC, "{actor, q, roomId?, from?, before?, after?, limit?, cursor?} -> "
          + "{results:[{message, room:{id, name, type}, highlight}], next}: messages of rooms the actor may read "
          + "now, newest first; next is the cursor of the following page, null on the last.")
      .idempotent();

  public static final Operation<Void, Health> HEALTH = Operation.internal(Addresses.SEARCH_HEALTH, Codec.NONE,
      Codec.of(Health::toJson, Health::fromJson), "{} -> {service, storage}: answers while the service runs and "
          + "its index is open.")
      .idempotent();
}
