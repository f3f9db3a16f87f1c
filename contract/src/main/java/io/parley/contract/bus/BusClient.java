package io.parley.contract.bus;

import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * The calling side of every service interface: sends an {@link Operation}'s request, decodes its answer, and
 * turns any failure into a {@link ServiceError} (a timeout or a missing service becomes {@code unavailable}).
 */
public final class BusClient {

  /**
   * Services answer in milliseconds; a request unanswered for 5 s went to an instance that died, and the
   * client is better told to retry (503, Retry-After) than kept waiting.
   */
  public static final long TIMEOUT_MS = 5_000;

  private final EventBus bus;
  private final DeliveryOptions options;

  public BusClient(EventBus bus) {
    this(bus, TIMEOUT_MS);
  }

  public BusClient(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** A request on behalf of a user. */
  public <Q, R> Future<R> call(Operation<Q, R> operation, Actor actor, Q request) {
    JsonObject payload = operation.request().encode().apply(request);
    if (operation.needsActor()) {
      payload.put("actor", actor.toJson());
    }
    return send(operation, payload);
  }

  /** A request made for no particular user. */
  public <Q, R> Future<R> call(Operation<Q, R> operation, Q request) {
    if (operation.needsActor()) {
      throw new IllegalArgumentException(operation.address() + " is made on behalf of a user");
    }
    return send(operation, operation.request().encode().apply(request));
  }

  public <T> void publish(Notice<T> notice, T payload) {
    bus.publish(notice.address(), notice.payload().encode().apply(payload));
  }

  /** Listens to a notice; the consumer's {@code completion()} says when the cluster knows of it. */
  public <T> MessageConsumer<JsonObject> listen(Notice<T> notice, Consumer<T> handler) {
    return bus.consumer(notice.address(), message -> handler.accept(notice.payload().decode().apply(message.body())));
  }

  /** A request whose body or answer is not a JSON object, or that carries headers: file chunks. */
  public <T> Future<Message<T>> message(String address, Object body, DeliveryOptions headers) {
    return bus.<T>request(address, body, new DeliveryOptions(headers).setSendTimeout(options.getSendTimeout()))
        .recover(failure -> Future.failedFuture(ServiceError.from(failure)));
  }

  public EventBus bus() {
    return bus;
  }

  private <Q, R> Future<R> send(Operation<Q, R> operation, JsonObject payload) {
    return bus.<JsonObject>request(operation.address(), payload, options)
        .recover(failure -> Future.failedFuture(ServiceError.from(failure)))
        .map(reply -> operation.reply().decode().apply(reply.body() == null ? new JsonObject() : reply.body()));
  }
}
