package io.parley.gateway.http.admin;

import io.parley.contract.Actor;
import io.parley.contract.auth.AuthAdminService;
import io.parley.contract.auth.RoleChange;
import io.parley.contract.auth.UserBan;
import io.parley.contract.chat.ChatAdminService;
import io.parley.contract.chat.ChatStats;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.User;
import io.parley.contract.presence.PresenceService;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Replies;
import io.parley.gateway.http.account.AccountRoutes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** Everything under {@code /api/admin}, behind the {@link AdminGate}. */
public final class AdminRoutes {

  private final AuthAdminService admin;
  private final PresenceService presence;
  private final ChatAdminService chat;

  public AdminRoutes(AuthAdminService admin, PresenceService presence, ChatAdminService chat) {
    this.admin = admin;
    this.presence = presence;
    this.chat = chat;
  }

  public void mount(Router router) {
    router.route("/api/admin/*").handler(new AdminGate(admin));
    router.get("/api/admin/users").handler(ctx -> Replies.json(ctx, 200, () ->
        admin.listUsers(Authentication.actor(ctx), AccountRoutes.searchParams(ctx)).map(AccountRoutes::users)));
    router.post("/api/admin/users/:id/ban").handler(ctx -> setBanned(ctx, true));
    router.post("/api/admin/users/:id/unban").handler(ctx -> setBanned(ctx, false));
    router.post("/api/admin/users/:id/role").handler(ctx -> Replies.withBody(ctx, 200, body ->
        admin.setRole(Authentication.actor(ctx), RoleChange.parse(ctx.pathParam("id"), body)).map(User::toJson)));
    router.post("/api/admin/users/:id/totp/reset").handler(ctx -> Replies.noContent(ctx, () ->
        admin.resetTwoFactor(Authentication.actor(ctx), ctx.pathParam("id")).map(none -> new JsonObject())));
    router.get("/api/admin/stats").handler(this::stats);
    router.delete("/api/admin/rooms/:id").handler(this::deleteRoom);
  }

  /** Users from auth-service, rooms and messages from chat, sockets from presence. */
  private void stats(RoutingContext ctx) {
    Actor actor = Authentication.actor(ctx);
    Replies.json(ctx, 200, () -> admin.countUsers(actor)
        .compose(users -> Future.all(
                chat.stats(actor),
                presence.connectionsPerGateway())
            .map(rest -> {
              ChatStats counts = rest.resultAt(0);
              Map<String, Integer> perGateway = rest.resultAt(1);
              return new JsonObject()
                  .put("users", users)
                  .put("rooms", counts.rooms())
                  .put("messages", counts.messages())
                  .put("connections", new JsonObject(new HashMap<String, Object>(perGateway)));
            })));
  }

  private void deleteRoom(RoutingContext ctx) {
    Actor actor = Authentication.actor(ctx);
    Replies.noContent(ctx, () -> chat.deleteRoom(actor, RoomRef.of(ctx.pathParam("id"))));
  }

  private void setBanned(RoutingContext ctx, boolean banned) {
    Replies.json(ctx, 200, () -> admin.setBanned(Authentication.actor(ctx),
        UserBan.parse(new JsonObject().put("userId", ctx.pathParam("id")).put("banned", banned))).map(User::toJson));
  }
}
