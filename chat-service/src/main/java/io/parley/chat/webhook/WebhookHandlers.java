package io.parley.chat.webhook;

import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.NewWebhook;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.Webhook;
import io.parley.contract.chat.WebhookPost;
import io.parley.contract.chat.WebhookRef;
import io.parley.contract.chat.WebhookService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Incoming webhooks: a room's owners and admins make, list and remove them ({@link RoomAccess#asOwnerOrAdmin});
 * whoever holds a hook's url posts through it ({@link HookPosting}).
 */
public final class WebhookHandlers implements WebhookService {

  private final WebhookStore hooks;
  private final RoomAccess access;
  private final HookPosting posting;

  public WebhookHandlers(WebhookStore hooks, RoomAccess access, Mentions mentions, Timeline timeline,
      long intervalMs, int burst) {
    this.hooks = hooks;
    this.access = access;
    this.posting = new HookPosting(hooks, access, mentions, timeline, new HookRate(intervalMs, burst));
  }

  @Override
  public Future<Webhook> createWebhook(Actor actor, NewWebhook request) {
    return access.asOwnerOrAdmin(request.roomId(), actor)
        .compose(room -> hooks.countOfRoom(request.roomId()))
        .compose(count -> {
          if (count >= Limits.WEBHOOKS_PER_ROOM_MAX) {
            return Future.failedFuture(new ServiceError(ErrorCode.RATE_LIMITED, "This room has " + count
                + " webhooks, the most a room may: remove one first."));
          }
          String secret = HookSecrets.newSecret();
          JsonObject hook = new JsonObject()
              .put("_id", Ids.newId())
              .put("roomId", request.roomId())
              .put("name", request.name())
              .put("hash", HookSecrets.hash(secret))
              .put("createdBy", actor.id())
              .put("createdAt", Instant.now().toString())
              .put("allowAt", 0L);
          return hooks.insert(hook).map(inserted -> WebhookStore.toWebhook(hook, secret));
        });
  }

  @Override
  public Future<List<Webhook>> webhooks(Actor actor, RoomRef room) {
    return access.asOwnerOrAdmin(room.roomId(), actor)
        .compose(found -> hooks.ofRoom(room.roomId()))
        .map(found -> found.stream().map(hook -> WebhookStore.toWebhook(hook, null)).toList());
  }

  @Override
  public Future<Void> removeWebhook(Actor actor, WebhookRef hook) {
    return access.asOwnerOrAdmin(hook.roomId(), actor)
        .compose(room -> hooks.remove(hook.roomId(), hook.hookId()))
        .compose(removed -> removed ? Future.<Void>succeededFuture() : Future.failedFuture(WebhookRef.notFound()));
  }

  @Override
  public Future<Posted> postByWebhook(WebhookPost post) {
    return posting.post(post);
  }
}
