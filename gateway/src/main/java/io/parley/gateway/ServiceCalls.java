package io.parley.gateway;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** Requests to the services over the event bus, on behalf of an actor when there is one. */
public final class ServiceCalls {

  /**
   * Services answer in milliseconds; a request unanswered for 5 s went to an instance that died, and the
   * client is better told to retry (503, Retry-After) than kept waiting.
   */
  private static final long TIMEOUT_MS = 5_000;
  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(TIMEOUT_MS);

  private final EventBus bus;

  public ServiceCalls(EventBus bus) {
    this.bus = bus;
  }

  public Future<JsonObject> request(String address, JsonObject payload) {
    return bus.<JsonObject>request(address, payload, OPTIONS).map(reply -> reply.body());
  }

  public Future<JsonObject> request(String address, Actor actor, JsonObject payload) {
    return request(address, payload.copy().put("actor", actor.toJson()));
  }

  /** A request whose body or answer is not a JSON object, or that carries headers: file chunks. */
  public <T> Future<Message<T>> message(String address, Object body, DeliveryOptions headers) {
    return bus.request(address, body, new DeliveryOptions(headers).setSendTimeout(TIMEOUT_MS));
  }
}
