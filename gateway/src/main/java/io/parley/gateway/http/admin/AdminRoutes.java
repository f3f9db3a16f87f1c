package io.parley.gateway.http.admin;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.chat.ChatAdminService;
import io.parley.contract.chat.ChatStats;
import io.parley.contract.chat.RoomRef;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Replies;
import io.parley.gateway.http.account.AccountRoutes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Everything under {@code /api/admin}, behind the {@link AdminGate}. */
public final class AdminRoutes {

  private final ServiceCalls services;
  private final ChatAdminService chat;

  public AdminRoutes(ServiceCalls services, ChatAdminService chat) {
    this.services = services;
    this.chat = chat;
  }

  public void mount(Router router) {
    router.route("/api/admin/*").handler(new AdminGate(services));
    router.get("/api/admin/users").handler(this::listUsers);
    router.post("/api/admin/users/:id/ban").handler(ctx -> setBanned(ctx, true));
    router.post("/api/admin/users/:id/unban").handler(ctx -> setBanned(ctx, false));
    router.post("/api/admin/users/:id/role").handler(ctx -> Replies.withBody(ctx, 200, body -> services.request(
        Addresses.AUTH_ADMIN_ROLE, Authentication.actor(ctx),
        new JsonObject().put("userId", ctx.pathParam("id")).put("role", body.getValue("role")))));
    router.get("/api/admin/stats").handler(this::stats);
    router.delete("/api/admin/rooms/:id").handler(this::deleteRoom);
  }

  /** Users from auth-service, rooms and messages from chat, sockets from presence. */
  private void stats(RoutingContext ctx) {
    Actor actor = Authentication.actor(ctx);
    Replies.json(ctx, 200, () -> services.request(Addresses.AUTH_ADMIN_STATS, actor, new JsonObject())
        .compose(users -> Future.all(
                chat.stats(actor),
                services.request(Addresses.PRESENCE_STATS, new JsonObject()))
            .map(rest -> {
              ChatStats counts = rest.resultAt(0);
              JsonObject presence = rest.resultAt(1);
              return new JsonObject()
                  .put("users", users.getLong("users"))
                  .put("rooms", counts.rooms())
                  .put("messages", counts.messages())
                  .put("connections", presence.getJsonObject("gateways", new JsonObject()));
            })));
  }

  private void deleteRoom(RoutingContext ctx) {
    Actor actor = Authentication.actor(ctx);
    Replies.noContent(ctx, () -> chat.deleteRoom(actor, RoomRef.of(ctx.pathParam("id"))));
  }

  private void listUsers(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> services.request(Addresses.AUTH_ADMIN_USERS, Authentication.actor(ctx),
        AccountRoutes.searchParams(ctx)));
  }

  private void setBanned(RoutingContext ctx, boolean banned) {
    Replies.json(ctx, 200, () -> services.request(Addresses.AUTH_ADMIN_BAN, Authentication.actor(ctx),
        new JsonObject().put("userId", ctx.pathParam("id")).put("banned", banned)));
  }
}
