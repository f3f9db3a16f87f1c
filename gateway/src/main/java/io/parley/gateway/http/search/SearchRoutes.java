package io.parley.gateway.http.search;

import io.parley.contract.search.SearchQuery;
import io.parley.contract.search.SearchResults;
import io.parley.contract.search.SearchService;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/search}: search-service answers; while no instance of it runs the answer is a 503 problem,
 * and nothing else of Parley notices.
 */
public final class SearchRoutes {

  private static final List<String> TEXT_PARAMS = List.of("q", "roomId", "from", "before", "after", "cursor");

  private final SearchService search;
  private final OpenApiDocument openApi;

  public SearchRoutes(SearchService search, OpenApiDocument openApi) {
    this.search = search;
    this.openApi = openApi;
  }

  public void mount(Router router) {
    router.get("/api/search").handler(openApi.validates("searchMessages")).handler(ctx -> Replies.json(ctx, 200, () ->
        search.search(Authentication.actor(ctx), query(ctx)).map(SearchResults::toJson)));
  }

  /** The query parameters read as the contract's request, which refuses an empty query and any bad filter. */
  static SearchQuery query(RoutingContext ctx) {
    JsonObject request = JsonBodies.numericParams(ctx, new JsonObject(), "limit");
    for (String name : TEXT_PARAMS) {
      String value = ctx.queryParams().get(name);
      if (value != null) {
        request.put(name, value);
      }
    }
    return SearchQuery.parse(request);
  }
}
