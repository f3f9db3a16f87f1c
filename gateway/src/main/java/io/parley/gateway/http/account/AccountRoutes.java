package io.parley.gateway.http.account;

import io.parley.contract.auth.AccountService;
import io.parley.contract.auth.AuthClient;
import io.parley.contract.auth.Credentials;
import io.parley.contract.auth.Registration;
import io.parley.contract.auth.SessionService;
import io.parley.contract.auth.TokenPair;
import io.parley.contract.auth.TokenRefresh;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.User;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Accounts and sessions: the routes auth-service answers. Bodies are read with the contract's request records. */
public final class AccountRoutes {

  private final AccountService accounts;
  private final SessionService sessions;
  private final ClientAddress clientAddress;

  public AccountRoutes(AuthClient auth, ClientAddress clientAddress) {
    this.accounts = auth;
    this.sessions = auth;
    this.clientAddress = clientAddress;
  }

  /** Routes open to anyone: sign-up, login and token refresh. */
  public void mountPublic(Router router) {
    router.post("/api/users").handler(ctx -> Replies.withBody(ctx, 201, body ->
        accounts.register(Registration.parse(body)).map(User::toJson)));
    router.post("/api/login").handler(ctx -> Replies.withBody(ctx, 200, body ->
        sessions.login(Credentials.parse(body).from(clientAddress.of(ctx), ctx.request().getHeader("User-Agent")))
            .map(TokenPair::toJson)));
    router.post("/api/token/refresh").handler(ctx -> Replies.withBody(ctx, 200, body ->
        sessions.refresh(TokenRefresh.parse(body)).map(TokenPair::toJson)));
  }

  /** Routes that need a signed-in user. */
  public void mountAuthenticated(Router router) {
    router.post("/api/logout").handler(ctx -> Replies.noContent(ctx, () ->
        sessions.logout(Authentication.actor(ctx)).map(none -> new JsonObject())));
    router.get("/api/users").handler(ctx -> Replies.json(ctx, 200, () ->
        accounts.search(Authentication.actor(ctx), searchParams(ctx)).map(AccountRoutes::users)));
    router.get("/api/users/me").handler(ctx -> userById(ctx, Authentication.actor(ctx).id()));
    router.get("/api/users/:id").handler(ctx -> userById(ctx, ctx.pathParam("id")));
  }

  /** {@code ?q=&online=&limit=} of a user list; a malformed flag or number is invalid input. */
  public static UserSearch searchParams(RoutingContext ctx) {
    JsonObject request = JsonBodies.booleanParams(ctx, new JsonObject(), "online");
    JsonBodies.numericParams(ctx, request, "limit");
    String query = ctx.queryParams().get("q");
    return UserSearch.parse(query == null ? request : request.put("q", query));
  }

  /** A user list as REST answers it: {@code {users:[...]}}. */
  public static JsonObject users(List<User> users) {
    return new JsonObject().put("users", JsonValues.encodeAll(users, User::toJson));
  }

  private void userById(RoutingContext ctx, String userId) {
    Replies.json(ctx, 200, () -> accounts.user(userId).map(User::toJson));
  }
}
