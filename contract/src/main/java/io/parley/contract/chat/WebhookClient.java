package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.vertx.core.Future;
import java.util.List;

/** chat-service's incoming webhooks over the event bus, beside {@link ChatClient}. */
public final class WebhookClient implements WebhookService {

  private final BusClient bus;

  public WebhookClient(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<Webhook> createWebhook(Actor actor, NewWebhook request) {
    return bus.call(WebhookOperations.CREATE, actor, request);
  }

  @Override
  public Future<List<Webhook>> webhooks(Actor actor, RoomRef room) {
    return bus.call(WebhookOperations.LIST, actor, room);
  }

  @Override
  public Future<Void> removeWebhook(Actor actor, WebhookRef hook) {
    return bus.call(WebhookOperations.REMOVE, actor, hook);
  }

  @Override
  public Future<Posted> postByWebhook(WebhookPost post) {
    return bus.call(WebhookOperations.POST, post);
  }
}
