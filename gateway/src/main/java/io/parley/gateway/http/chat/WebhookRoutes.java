package io.parley.gateway.http.chat;

import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.NewWebhook;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.Webhook;
import io.parley.contract.chat.WebhookPost;
import io.parley.contract.chat.WebhookRef;
import io.parley.contract.chat.WebhookService;
import io.parley.contract.model.JsonValues;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.JsonBodies;
import io.parley.gateway.http.OpenApiDocument;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.Replies;
import io.parley.gateway.http.RequestOrigin;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Incoming webhooks: a room's owners and admins make, list and remove them under {@code /api/rooms/{id}/webhooks};
 * anyone with a hook's url ({@code /hooks/{hookId}/{secret}}, on this server's own origin) posts Slack's
 * incoming-webhook body to it, as JSON or as a form whose {@code payload} is the JSON, and is answered {@code ok}
 * as Slack answers. The url's route looks at no token: an {@code Authorization} header lends it no one's
 * identity, and what chat-service answers for a wrong secret is what it answers for an unknown hook.
 */
public final class WebhookRoutes {

  private final WebhookService webhooks;
  private final OpenApiDocument openApi;
  private final RequestOrigin origin;

  public WebhookRoutes(WebhookService webhooks, OpenApiDocument openApi, RequestOrigin origin) {
    this.webhooks = webhooks;
    this.openApi = openApi;
    this.origin = origin;
  }

  /** The owners' routes, behind the authentication gate. */
  public void mount(Router router) {
    router.post("/api/rooms/:id/webhooks").handler(openApi.validates("createWebhook"))
        .handler(ctx -> Replies.withBody(ctx, 201, body -> webhooks.createWebhook(Authentication.actor(ctx),
            NewWebhook.parse(ctx.pathParam("id"), body)).map(made -> shown(ctx, made))));
    router.get("/api/rooms/:id/webhooks").handler(openApi.validates("listWebhooks"))
        .handler(ctx -> Replies.array(ctx, () -> webhooks.webhooks(Authentication.actor(ctx),
            RoomRef.of(ctx.pathParam("id"))).map(hooks -> JsonValues.encodeAll(hooks, Webhook::toJson))));
    router.delete("/api/rooms/:id/webhooks/:hookId").handler(openApi.validates("removeWebhook"))
        .handler(ctx -> Replies.noContent(ctx, () -> webhooks.removeWebhook(Authentication.actor(ctx),
            WebhookRef.of(ctx.pathParam("id"), ctx.pathParam("hookId")))));
  }

  /** The url every hook posts through: no token asked for, none looked at; bodies capped as JSON bodies are. */
  public void mountIncoming(Router router) {
    router.post("/hooks/:hookId/:secret")
        .handler(BodyHandler.create(false).setBodyLimit(Limits.JSON_BODY_MAX_BYTES))
        .handler(this::post);
  }

  private void post(RoutingContext ctx) {
    try {
      WebhookPost post = WebhookPost.parse(ctx.pathParam("hookId"), ctx.pathParam("secret"), slackBody(ctx));
      webhooks.postByWebhook(post)
          .onSuccess(posted -> ctx.response().putHeader("Content-Type", "text/plain").end("ok"))
          .onFailure(failure -> Problems.send(ctx, failure));
    } catch (ServiceError refused) {
      Problems.send(ctx, refused);
    }
  }

  /**
   * Slack's two bodies: JSON (whatever Content-Type it came with, as {@code curl -d} sends it), or a form whose
   * {@code payload} field is the JSON.
   */
  private static JsonObject slackBody(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    boolean json = body != null && body.toString().stripLeading().startsWith("{");
    String payload = json ? null : ctx.request().getFormAttribute("payload");
    if (payload == null) {
      return JsonBodies.object(ctx);
    }
    try {
      if (Json.decodeValue(payload) instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      // refused below, as any payload that is not an object
    }
    throw ServiceError.invalid("payload", "must be a JSON object");
  }

  /** A webhook just made, with the url that posts as it: this server's origin, as the client reached it. */
  private JsonObject shown(RoutingContext ctx, Webhook made) {
    String base = origin.of(ctx.request());
    return made.withoutSecret().toJson().put("url", (base == null ? "" : base) + made.path());
  }
}
