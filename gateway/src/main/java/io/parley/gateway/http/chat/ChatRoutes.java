package io.parley.gateway.http.chat;

import io.parley.contract.Addresses;
import io.parley.gateway.ServiceCalls;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Rooms and messages: the routes chat-service answers. All need a signed-in user. */
public final class ChatRoutes {

  private final ServiceCalls services;
  private final OpenApiDocument openApi;

  public ChatRoutes(ServiceCalls services, OpenApiDocument openApi) {
    this.services = services;
    this.openApi = openApi;
  }

  public void mount(Router router) {
    route(router.get("/api/rooms"), "listRooms").handler(ctx -> Replies.json(ctx, 200, () ->
        call(ctx, Addresses.CHAT_ROOMS_LIST, new JsonObject())));
    route(router.post("/api/rooms"), "createRoom").handler(ctx -> Replies.withBody(ctx, 201, body ->
        call(ctx, Addresses.CHAT_ROOM_CREATE, body)));
    route(router.get("/api/rooms/:id"), "getRoom").handler(ctx -> Replies.json(ctx, 200, () ->
        call(ctx, Addresses.CHAT_ROOM_GET, room(ctx))));
    route(router.post("/api/rooms/:id/join"), "joinRoom").handler(ctx -> Replies.json(ctx, 200, () ->
        call(ctx, Addresses.CHAT_ROOM_JOIN, room(ctx))));
    route(router.post("/api/rooms/:id/leave"), "leaveRoom").handler(ctx -> Replies.noContent(ctx, () ->
        call(ctx, Addresses.CHAT_ROOM_LEAVE, room(ctx))));
    route(router.post("/api/rooms/:id/members"), "inviteMember").handler(ctx -> Replies.withBody(ctx, 200, body ->
        call(ctx, Addresses.CHAT_ROOM_INVITE, room(ctx).put("userId", body.getValue("userId")))));
    route(router.post("/api/rooms/:id/read"), "markRead").handler(ctx -> Replies.withBody(ctx, 200, body ->
        call(ctx, Addresses.CHAT_READ, room(ctx).put("seq", body.getValue("seq")))));
    route(router.get("/api/rooms/:id/messages"), "roomHistory").handler(ctx -> history(ctx));
    route(router.post("/api/dms"), "openDirectRoom").handler(ctx -> Replies.withBody(ctx, body ->
        call(ctx, Addresses.CHAT_DIRECT_ROOM, body)
            .map(answer -> new Replies.Created(answer.getJsonObject("room"), answer.getBoolean("created")))));
    route(router.put("/api/users/me/last-room"), "setLastRoom").handler(ctx -> Replies.withBody(ctx, 204, body ->
        call(ctx, Addresses.CHAT_LAST_ROOM_SET, new JsonObject().put("roomId", body.getValue("roomId")))));

    // A retried clientMsgId answers 200 with the first message, where the first send answered 201.
    route(router.post("/api/messages"), "sendMessage").handler(ctx -> Replies.withBody(ctx, body ->
        call(ctx, Addresses.CHAT_MESSAGE_SEND, body)
            .map(answer -> new Replies.Created(answer.getJsonObject("message"), answer.getBoolean("created")))));
    // The contract's alias of the room history: here the id is a room's.
    route(router.get("/api/messages/:id"), "messagesOfRoom").handler(ctx -> history(ctx));
    route(router.patch("/api/messages/:id"), "editMessage").handler(ctx -> Replies.withBody(ctx, 200, body ->
        call(ctx, Addresses.CHAT_MESSAGE_EDIT, message(ctx).put("text", body.getValue("text")))
            .map(answer -> answer.getJsonObject("message"))));
    route(router.delete("/api/messages/:id"), "deleteMessage").handler(ctx -> Replies.noContent(ctx, () ->
        call(ctx, Addresses.CHAT_MESSAGE_DELETE, message(ctx))));
    route(router.post("/api/messages/:id/reactions"), "addReaction").handler(ctx -> Replies.withBody(ctx, 200,
        body -> react(ctx, body.getValue("emoji"), "add")));
    route(router.delete("/api/messages/:id/reactions/:emoji"), "removeReaction").handler(ctx ->
        Replies.json(ctx, 200, () -> react(ctx, ctx.pathParam("emoji"), "remove")));
  }

  /** A route whose requests are first checked against the OpenAPI document's operation. */
  private Route route(Route route, String operationId) {
    return route.handler(openApi.validates(operationId));
  }

  private Future<JsonObject> call(RoutingContext ctx, String address, JsonObject payload) {
    return services.request(address, Authentication.actor(ctx), payload);
  }

  private Future<JsonObject> react(RoutingContext ctx, Object emoji, String op) {
    return call(ctx, Addresses.CHAT_MESSAGE_REACT, message(ctx).put("emoji", emoji).put("op", op))
        .map(answer -> answer.getJsonObject("message"));
  }

  private void history(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> call(ctx, Addresses.CHAT_HISTORY,
        JsonBodies.numericParams(ctx, room(ctx), "before", "after", "limit")));
  }

  private static JsonObject room(RoutingContext ctx) {
    return new JsonObject().put("roomId", ctx.pathParam("id"));
  }

  private static JsonObject message(RoutingContext ctx) {
    return new JsonObject().put("messageId", ctx.pathParam("id"));
  }
}
