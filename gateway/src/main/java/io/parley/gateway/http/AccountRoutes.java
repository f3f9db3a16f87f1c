package io.parley.gateway.http;

import io.parley.contract.Addresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** Accounts and sessions: the routes auth-service answers. */
public final class AccountRoutes {

  private final ServiceCalls services;

  public AccountRoutes(ServiceCalls services) {
    this.services = services;
  }

  /** Routes open to anyone: sign-up and login. */
  public void mountPublic(Router router) {
    router.post("/api/users").handler(ctx -> Replies.withBody(ctx, 201, body ->
        services.request(Addresses.AUTH_REGISTER, body)));
    router.post("/api/login").handler(ctx -> Replies.withBody(ctx, 200, body ->
        services.request(Addresses.AUTH_LOGIN,
            body.put("clientAddress", ctx.request().remoteAddress().hostAddress()))));
  }

  /** Routes that need a signed-in user. */
  public void mountAuthenticated(Router router) {
    router.get("/api/users/me").handler(ctx -> Replies.json(ctx, 200, () -> services.request(
        Addresses.AUTH_USER_GET, new JsonObject().put("userId", Authentication.actor(ctx).id()))));
  }
}
