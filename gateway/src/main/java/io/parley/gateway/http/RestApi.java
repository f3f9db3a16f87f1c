package io.parley.gateway.http;

import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.search.SearchService;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.http.account.AccountRoutes;
import io.parley.gateway.http.account.ClientAddress;
import io.parley.gateway.http.admin.AdminRoutes;
import io.parley.gateway.http.chat.ChatRoutes;
import io.parley.gateway.http.file.FileRoutes;
import io.parley.gateway.http.search.SearchRoutes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The REST half of the contract under {@code /api}: files first (their bodies are streamed, never read whole,
 * and a signed link is its own credential), then JSON bodies capped, public routes, the authentication gate,
 * and every route that needs a user; anything else is a {@code not_found} problem.
 */
public final class RestApi {

  private final Authentication authentication;
  private final OpenApiDocument openApi;
  private final AccountRoutes accounts;
  private final AdminRoutes admin;
  private final ChatRoutes chat;
  private final FileRoutes files;
  private final SearchRoutes search;

  public RestApi(ServiceCalls services, Authentication authentication, ClientAddress clientAddress,
      OpenApiDocument openApi, SearchService search) {
    this.authentication = authentication;
    this.openApi = openApi;
    this.accounts = new AccountRoutes(services, clientAddress);
    this.admin = new AdminRoutes(services);
    this.chat = new ChatRoutes(services, openApi);
    this.files = new FileRoutes(services, authentication);
    this.search = new SearchRoutes(search, openApi);
  }

  public void mount(Router router) {
    files.mount(router);
    openApi.mount(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(Limits.JSON_BODY_MAX_BYTES));
    accounts.mountPublic(router);

    router.route("/api/*").handler(authentication);
    accounts.mountAuthenticated(router);
    admin.mount(router);
    chat.mount(router);
    search.mount(router);

    router.route("/api/*").handler(ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "No such endpoint."));
  }
}
