package io.parley.gateway.http.chat;

import io.parley.contract.Actor;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.DirectRoomRequest;
import io.parley.contract.chat.HistoryPage;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.Invitation;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.ReactionChange;
import io.parley.contract.chat.ReadMark;
import io.parley.contract.chat.ReadUpTo;
import io.parley.contract.chat.RoomDetail;
import io.parley.contract.chat.RoomList;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.frame.ReactionFrame;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rooms and messages: the routes chat-service answers, through {@link ChatClient}. Bodies and parameters are read
 * with the contract's request records. All need a signed-in user.
 */
public final class ChatRoutes {

  private final ChatClient chat;
  private final OpenApiDocument openApi;

  public ChatRoutes(ChatClient chat, OpenApiDocument openApi) {
    this.chat = chat;
    this.openApi = openApi;
  }

  public void mount(Router router) {
    route(router.get("/api/rooms"), "listRooms").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.list(actor(ctx)).map(RoomList::toJson)));
    route(router.post("/api/rooms"), "createRoom").handler(ctx -> Replies.withBody(ctx, 201, body ->
        chat.create(actor(ctx), NewRoom.parse(body)).map(Room::toJson)));
    route(router.get("/api/rooms/:id"), "getRoom").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.room(actor(ctx), room(ctx)).map(RoomDetail::toJson)));
    route(router.post("/api/rooms/:id/join"), "joinRoom").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.join(actor(ctx), room(ctx)).map(Room::toJson)));
    route(router.post("/api/rooms/:id/leave"), "leaveRoom").handler(ctx -> Replies.noContent(ctx, () ->
        chat.leave(actor(ctx), room(ctx))));
    route(router.post("/api/rooms/:id/members"), "inviteMember").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.invite(actor(ctx), Invitation.parse(ctx.pathParam("id"), body)).map(Room::toJson)));
    route(router.post("/api/rooms/:id/read"), "markRead").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.read(actor(ctx), ReadUpTo.parse(ctx.pathParam("id"), body)).map(ReadMark::toJson)));
    route(router.get("/api/rooms/:id/messages"), "roomHistory").handler(this::history);
    route(router.post("/api/dms"), "openDirectRoom").handler(ctx -> Replies.withBody(ctx, body ->
        chat.directRoom(actor(ctx), DirectRoomRequest.parse(body))
            .map(opened -> new Replies.Created(opened.room().toJson(), opened.created()))));
    route(router.put("/api/users/me/last-room"), "setLastRoom").handler(ctx -> Replies.noContent(ctx, () ->
        chat.setLastRoom(actor(ctx), RoomRef.parse(JsonBodies.object(ctx)))));

    // A retried clientMsgId answers 200 with the first message, where the first send answered 201.
    route(router.post("/api/messages"), "sendMessage").handler(ctx -> Replies.withBody(ctx, body ->
        chat.send(actor(ctx), NewMessage.parse(body))
            .map(posted -> new Replies.Created(posted.message().toJson(), posted.created()))));
    // The contract's alias of the room history: here the id is a room's.
    route(router.get("/api/messages/:id"), "messagesOfRoom").handler(this::history);
    route(router.patch("/api/messages/:id"), "editMessage").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.edit(actor(ctx), MessageEdit.parse(ctx.pathParam("id"), body)).map(Message::toJson)));
    route(router.delete("/api/messages/:id"), "deleteMessage").handler(ctx -> Replies.noContent(ctx, () ->
        chat.delete(actor(ctx), MessageRef.of(ctx.pathParam("id")))));
    route(router.post("/api/messages/:id/reactions"), "addReaction").handler(ctx -> Replies.withBody(ctx, 200,
        body -> react(ctx, body.getValue("emoji"), ReactionFrame.ADD)));
    route(router.delete("/api/messages/:id/reactions/:emoji"), "removeReaction").handler(ctx ->
        Replies.json(ctx, 200, () -> react(ctx, ctx.pathParam("emoji"), ReactionFrame.REMOVE)));
  }

  /** A route whose requests are first checked against the OpenAPI document's operation. */
  private Route route(Route route, String operationId) {
    return route.handler(openApi.validates(operationId));
  }

  private Future<JsonObject> react(RoutingContext ctx, Object emoji, String op) {
    return chat.react(actor(ctx), ReactionChange.of(ctx.pathParam("id"), emoji, op))
        .map(reacted -> reacted.message().toJson());
  }

  private void history(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> chat.history(actor(ctx), HistoryQuery.parse(ctx.pathParam("id"),
        JsonBodies.numericParams(ctx, new JsonObject(), "before", "after", "limit"))).map(HistoryPage::toJson));
  }

  private static Actor actor(RoutingContext ctx) {
    return Authentication.actor(ctx);
  }

  private static RoomRef room(RoutingContext ctx) {
    return RoomRef.of(ctx.pathParam("id"));
  }
}
