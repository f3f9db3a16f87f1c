package io.parley.gateway.http;

import io.parley.contract.Actor;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Requests to the services over the event bus, on behalf of an actor when there is one. */
public final class ServiceCalls {

  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(10_000);

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
}
