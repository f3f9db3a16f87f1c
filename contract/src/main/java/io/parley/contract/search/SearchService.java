package io.parley.contract.search;

import io.parley.contract.Actor;
import io.parley.contract.model.Health;
import io.vertx.core.Future;

/**
 * search-service: finds messages by their words. Every instance keeps a full index of every room's messages,
 * fed by chat-service's timeline changes, so any one of them answers; what a caller may read is asked of
 * chat-service at each search.
 */
public interface SearchService {

  /**
   * Messages of rooms the actor may read now (public rooms and their own) matching the query, newest first.
   * Fails {@code invalid_input} for a query without a word to look for, {@code unavailable} when
   * chat-service cannot say which rooms those are.
   */
  Future<SearchResults> search(Actor actor, SearchQuery query);

  Future<Health> health();
}
