package io.parley.gateway.http;

import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The REST half of the contract under {@code /api}: JSON bodies capped, public routes first, then the
 * authentication gate, then every route that needs a user; anything else is a {@code not_found} problem.
 */
public final class RestApi {

  private final Authentication authentication;
  private final AccountRoutes accounts;
  private final AdminRoutes admin;
  private final ChatRoutes chat;

  public RestApi(ServiceCalls services, Authentication authentication, ClientAddress clientAddress) {
    this.authentication = authentication;
    this.accounts = new AccountRoutes(services, clientAddress);
    this.admin = new AdminRoutes(services);
    this.chat = new ChatRoutes(services);
  }

  public void mount(Router router) {
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(Limits.JSON_BODY_MAX_BYTES));
    accounts.mountPublic(router);

    router.route("/api/*").handler(authentication);
    accounts.mountAuthenticated(router);
    admin.mount(router);
    chat.mount(router);

    router.route("/api/*").handler(ctx -> Problems.send(ctx, ErrorCode.NOT_FOUND, "No such endpoint."));
  }
}
