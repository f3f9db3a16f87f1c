package io.parley.gateway.http;

import io.parley.contract.Addresses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Rooms and messages: the routes chat-service answers. All need a signed-in user. */
public final class ChatRoutes {

  private final ServiceCalls services;

  public ChatRoutes(ServiceCalls services) {
    this.services = services;
  }

  public void mount(Router router) {
    router.post("/api/rooms").handler(ctx -> Replies.withBody(ctx, 201, body -> services.request(
        Addresses.CHAT_ROOM_CREATE, Authentication.actor(ctx), body)));
    router.post("/api/rooms/:id/join").handler(ctx -> Replies.json(ctx, 200, () -> services.request(
        Addresses.CHAT_ROOM_JOIN, Authentication.actor(ctx), new JsonObject().put("roomId", ctx.pathParam("id")))));
    router.get("/api/rooms/:id/messages").handler(ctx -> history(ctx, ctx.pathParam("id")));
    router.get("/api/messages/:roomId").handler(ctx -> history(ctx, ctx.pathParam("roomId")));
  }

  private void history(RoutingContext ctx, String roomId) {
    Replies.json(ctx, 200, () -> services.request(Addresses.CHAT_HISTORY, Authentication.actor(ctx),
        JsonBodies.numericParams(ctx, new JsonObject().put("roomId", roomId), "before", "after", "limit")));
  }
}
