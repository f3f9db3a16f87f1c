package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import java.util.List;

/**
 * Incoming webhooks: urls holding a secret through which anyone who has one posts into its room, as a bot.
 * A room's owners and admins make, list and remove them ({@code owner_only} for anyone else who may see the room);
 * direct rooms have none.
 */
public interface WebhookService {

  /**
   * A new webhook of a room; its {@code secret} is in this answer only. A room holds at most {@value
   * io.parley.contract.Limits#WEBHOOKS_PER_ROOM_MAX} ({@code rate_limited} beyond).
   */
  Future<Webhook> createWebhook(Actor actor, NewWebhook request);

  /** A room's webhooks, the oldest first, without their secrets. */
  Future<List<Webhook>> webhooks(Actor actor, RoomRef room);

  /** Removes a webhook at once: its url answers {@code not_found} from then on. */
  Future<Void> removeWebhook(Actor actor, WebhookRef hook);

  /**
   * Posts a message by a webhook's url, as the webhook, through the room's timeline like any message. An unknown
   * or removed hook, a wrong secret and a room gone are the one same {@code not_found}; past the hook's rate
   * (one message a second sustained, a small burst allowed) {@code rate_limited} with when to retry.
   */
  Future<Posted> postByWebhook(WebhookPost post);
}
