package io.parley.contract.search;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A page of results, newest first, and {@code next}: the cursor of the following page, null on the last. */
public record SearchResults(List<SearchResult> results, String next) {

  public static final Codec<SearchResults> CODEC = Codec.of(SearchResults::toJson, SearchResults::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("results", JsonValues.encodeAll(results, SearchResult::toJson)).put("next", next);
  }

  public static SearchResults fromJson(JsonObject json) {
    return new SearchResults(JsonValues.decodeAll(json.getJsonArray("results"), SearchResult::fromJson),
        json.getString("next"));
  }
}
