package io.parley.gateway.http.chat;

import io.parley.contract.Actor;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.EarlierText;
import io.parley.contract.chat.MentionPage;
import io.parley.contract.chat.MentionsQuery;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.RepliesPage;
import io.parley.contract.chat.RepliesQuery;
import io.parley.contract.chat.RoomChange;
import io.parley.contract.chat.RoomMember;
import io.parley.contract.chat.RoomPrefsChange;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.ThreadList;
import io.parley.contract.chat.ThreadReadMark;
import io.parley.contract.chat.ThreadReadUpTo;
import io.parley.contract.chat.ThreadsQuery;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Conversations: threads, mentions, pins, edit history, a room's settings and members, and a member's own
 * settings of a room; the routes chat-service answers through {@link ChatClient}, read with the contract's
 * request records. All need a signed-in user.
 */
public final class ConversationRoutes {

  private final ChatClient chat;
  private final OpenApiDocument openApi;

  public ConversationRoutes(ChatClient chat, OpenApiDocument openApi) {
    this.chat = chat;
    this.openApi = openApi;
  }

  public void mount(Router router) {
    route(router.patch("/api/rooms/:id"), "updateRoom").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.update(actor(ctx), RoomChange.parse(ctx.pathParam("id"), body)).map(Room::toJson)));
    route(router.delete("/api/rooms/:id/members/:userId"), "removeMember").handler(ctx -> Replies.noContent(ctx, () ->
        chat.removeMember(actor(ctx), RoomMember.of(ctx.pathParam("id"), ctx.pathParam("userId")))));
    route(router.post("/api/rooms/:id/owners"), "addOwner").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.addOwner(actor(ctx), RoomMember.parse(ctx.pathParam("id"), body)).map(Room::toJson)));
    route(router.put("/api/rooms/:id/prefs"), "setRoomPrefs").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.setPrefs(actor(ctx), RoomPrefsChange.parse(ctx.pathParam("id"), body)).map(Room::toJson)));
    route(router.get("/api/rooms/:id/pins"), "listPins").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.pins(actor(ctx), RoomRef.of(ctx.pathParam("id"))).map(pins ->
            new JsonObject().put("messages", JsonValues.encodeAll(pins, Message::toJson)))));

    route(router.get("/api/messages/:id/replies"), "threadReplies").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.replies(actor(ctx), RepliesQuery.parse(ctx.pathParam("id"),
            JsonBodies.numericParams(ctx, new JsonObject(), "before", "after", "limit"))).map(RepliesPage::toJson)));
    route(router.get("/api/messages/:id/edits"), "messageEdits").handler(ctx -> Replies.array(ctx, () ->
        chat.edits(actor(ctx), message(ctx)).map(edits -> JsonValues.encodeAll(edits, EarlierText::toJson))));
    route(router.post("/api/messages/:id/pin"), "pinMessage").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.pin(actor(ctx), message(ctx)).map(Message::toJson)));
    route(router.delete("/api/messages/:id/pin"), "unpinMessage").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.unpin(actor(ctx), message(ctx)).map(Message::toJson)));
    route(router.post("/api/threads/:id/read"), "markThreadRead").handler(ctx -> Replies.withBody(ctx, 200, body ->
        chat.readThread(actor(ctx), ThreadReadUpTo.parse(ctx.pathParam("id"), body)).map(ThreadReadMark::toJson)));

    route(router.get("/api/users/me/mentions"), "listMentions").handler(ctx -> Replies.json(ctx, 200, () -> {
      JsonObject params = JsonBodies.stringParams(ctx, new JsonObject(), "before");
      return chat.mentions(actor(ctx), MentionsQuery.parse(JsonBodies.numericParams(ctx, params, "limit")))
          .map(MentionPage::toJson);
    }));
    route(router.get("/api/users/me/threads"), "listThreads").handler(ctx -> Replies.json(ctx, 200, () ->
        chat.threads(actor(ctx), ThreadsQuery.parse(JsonBodies.numericParams(ctx, new JsonObject(), "limit")))
            .map(ThreadList::toJson)));
  }

  /** A route whose requests are first checked against the OpenAPI document's operation. */
  private Route route(Route route, String operationId) {
    return route.handler(openApi.validates(operationId));
  }

  private static Actor actor(RoutingContext ctx) {
    return Authentication.actor(ctx);
  }

  private static MessageRef message(RoutingContext ctx) {
    return MessageRef.of(ctx.pathParam("id"));
  }
}
