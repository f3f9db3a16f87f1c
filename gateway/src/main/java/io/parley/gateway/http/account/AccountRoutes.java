package io.parley.gateway.http.account;

import io.parley.contract.Addresses;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Accounts and sessions: the routes auth-service answers. */
public final class AccountRoutes {

  private final ServiceCalls services;
  private final ClientAddress clientAddress;

  public AccountRoutes(ServiceCalls services, ClientAddress clientAddress) {
    this.services = services;
    this.clientAddress = clientAddress;
  }

  /** Routes open to anyone: sign-up, login and token refresh. */
  public void mountPublic(Router router) {
    router.post("/api/users").handler(ctx -> Replies.withBody(ctx, 201, body ->
        services.request(Addresses.AUTH_REGISTER, body)));
    router.post("/api/login").handler(ctx -> Replies.withBody(ctx, 200, body ->
        services.request(Addresses.AUTH_LOGIN,
            body.put("clientAddress", clientAddress.of(ctx)))));
    router.post("/api/token/refresh").handler(ctx -> Replies.withBody(ctx, 200, body ->
        services.request(Addresses.AUTH_REFRESH, new JsonObject().put("refreshToken", body.getValue("refreshToken")))));
  }

  /** Routes that need a signed-in user. */
  public void mountAuthenticated(Router router) {
    router.post("/api/logout").handler(ctx -> Replies.noContent(ctx, () -> services.request(
        Addresses.AUTH_LOGOUT, Authentication.actor(ctx), new JsonObject())));
    router.get("/api/users").handler(this::searchUsers);
    router.get("/api/users/me").handler(ctx -> userById(ctx, Authentication.actor(ctx).id()));
    router.get("/api/users/:id").handler(ctx -> userById(ctx, ctx.pathParam("id")));
  }

  private void searchUsers(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> services.request(Addresses.AUTH_USERS_SEARCH, Authentication.actor(ctx),
        searchParams(ctx)));
  }

  /** {@code ?q=&online=&limit=} of a user list, as a request; a malformed flag or number is invalid input. */
  public static JsonObject searchParams(RoutingContext ctx) {
    JsonObject request = JsonBodies.booleanParams(ctx, new JsonObject(), "online");
    JsonBodies.numericParams(ctx, request, "limit");
    String query = ctx.queryParams().get("q");
    return query == null ? request : request.put("q", query);
  }

  private void userById(RoutingContext ctx, String userId) {
    Replies.json(ctx, 200, () -> services.request(Addresses.AUTH_USER_GET, Authentication.actor(ctx),
        new JsonObject().put("userId", userId)));
  }
}
