package io.parley.contract.chat;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;
import java.util.List;

/** chat-service's {@link WebhookService} on the event bus. */
public final class WebhookOperations {

  private WebhookOperations() {
  }

  public static final Operation<NewWebhook, Webhook> CREATE = Operation.forActor(Addresses.CHAT_WEBHOOK_CREATE,
      NewWebhook.CODEC, Webhook.CODEC, "{actor, roomId, name} -> {id, roomId, name, createdBy, createdAt, "
          + "lastUsedAt, secret}: by an owner of the room or an admin (owner_only otherwise); the secret is in this "
          + "answer only, stored as its SHA-256.");

  public static final Operation<RoomRef, List<Webhook>> LIST = Operation.forActor(Addresses.CHAT_WEBHOOKS_LIST,
      RoomRef.CODEC, Webhook.LIST, "{actor, roomId} -> {webhooks:[{id, roomId, name, createdBy, createdAt, "
          + "lastUsedAt}]}: the room's webhooks without secrets, to its owners and admins.")
      .idempotent();

  public static final Operation<WebhookRef, Void> REMOVE = Operation.forActor(Addresses.CHAT_WEBHOOK_REMOVE,
      WebhookRef.CODEC, Codec.NONE, "{actor, roomId, hookId} -> {}: by an owner of the room or an admin; the "
          + "hook's url answers not_found at once, as nothing caches a hook.");

  public static final Operation<WebhookPost, Posted> POST = Operation.internal(Addresses.CHAT_WEBHOOK_POST,
      WebhookPost.CODEC, Posted.CODEC, "{hookId, secret, text, username?} -> {message, created}: a message as the "
          + "hook (sender {id: hookId, username and displayName: its name or the username given}, bot:true) "
          + "through the room's timeline. not_found alike for an unknown hook, a wrong secret (compared in constant "
          + "time) or a room gone; rate_limited with retryAfter past the hook's rate, kept on the hook's record so "
          + "that every gateway and instance shares it. No actor: a gateway never puts one on it.");
}
