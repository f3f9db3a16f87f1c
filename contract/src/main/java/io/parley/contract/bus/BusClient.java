package io.parley.contract.bus;

import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * The calling side of every service interface: sends an {@link Operation}'s request, decodes its answer, and
 * turns any failure into a {@link ServiceError} (a timeout or a missing service becomes {@code unavailable}). An
 * idempotent request that got no answer is sent again ({@link Timeouts}); what the current call passes on travels
 * with every request and notice ({@link BusPropagation}).
 */
public final class BusClient {

  /** A request unanswered for 5 s went to an instance that died: the client is better told to retry (503). */
  public static final long TIMEOUT_MS = 5_000;

  /**
   * How long a request may wait: one attempt of {@code timeoutMs}, or, for an idempotent one, attempts of
   * {@code attemptMs} with up to {@code retries} more when an attempt timed out or found nobody serving it.
   */
  public record Timeouts(long timeoutMs, long attemptMs, int retries) {

    /**
     * Services answer in milliseconds, so an attempt unanswered for 2 s most likely went to an instance that died,
     * which the cluster drops well within those 2 s (docs/OPERATIONS.md): the second attempt reaches a live one.
     */
    public static final Timeouts DEFAULT = new Timeouts(TIMEOUT_MS, 2_000, 1);

    /** One attempt of at most {@code ms}: for a caller that would rather go without the answer than wait. */
    public static Timeouts single(long ms) {
      return new Timeouts(ms, ms, 0);
    }
  }

  /** A service nobody serves may be starting again: the retry waits a moment rather than fail at once again. */
  static final long NO_HANDLERS_PAUSE_MS = 500;

  private final EventBus bus;
  private final Timeouts timeouts;
  private final BusPropagation propagation = BusPropagation.INSTALLED;

  public BusClient(EventBus bus) {
    this(bus, Timeouts.DEFAULT);
  }

  /** A client whose every request is one attempt of at most {@code timeoutMs}. */
  public BusClient(EventBus bus, long timeoutMs) {
    this(bus, Timeouts.single(timeoutMs));
  }

  public BusClient(EventBus bus, Timeouts timeouts) {
    this.bus = bus;
    this.timeouts = timeouts;
  }

  /** A request on behalf of a user. */
  public <Q, R> Future<R> call(Operation<Q, R> operation, Actor actor, Q request) {
    JsonObject payload = operation.request().encode().apply(request);
    if (operation.needsActor()) {
      payload.put("actor", actor.toJson());
    }
    return send(operation, request, payload);
  }

  /** A request made for no particular user. */
  public <Q, R> Future<R> call(Operation<Q, R> operation, Q request) {
    if (operation.needsActor()) {
      throw new IllegalArgumentException(operation.address() + " is made on behalf of a user");
    }
    return send(operation, request, operation.request().encode().apply(request));
  }

  public <T> void publish(Notice<T> notice, T payload) {
    bus.publish(notice.address(), notice.payload().encode().apply(payload),
        propagation.outgoing(new DeliveryOptions()));
  }

  /** Listens to a notice; the consumer's {@code completion()} says when the cluster knows of it. */
  public <T> MessageConsumer<JsonObject> listen(Notice<T> notice, Consumer<T> handler) {
    return QuietConsumers.<JsonObject>consumer(bus, notice.address(), message -> {
      propagation.incoming(message);
      handler.accept(notice.payload().decode().apply(message.body()));
    });
  }

  /** A request whose body or answer is not a JSON object, or that carries headers: file chunks. One attempt. */
  public <T> Future<Message<T>> message(String address, Object body, DeliveryOptions headers) {
    DeliveryOptions options = propagation.outgoing(new DeliveryOptions(headers).setSendTimeout(timeouts.timeoutMs()));
    return bus.<T>request(address, body, options)
        .recover(failure -> Future.failedFuture(ServiceError.from(failure)));
  }

  public EventBus bus() {
    return bus;
  }

  private <Q, R> Future<R> send(Operation<Q, R> operation, Q request, JsonObject payload) {
    boolean repeatable = timeouts.retries() > 0 && operation.mayRepeat(request);
    DeliveryOptions options = propagation.outgoing(new DeliveryOptions()
        .setSendTimeout(repeatable ? timeouts.attemptMs() : timeouts.timeoutMs()));
    return attempt(operation.address(), payload, options, repeatable ? timeouts.retries() : 0)
        .recover(failure -> Future.failedFuture(ServiceError.from(failure)))
        .map(reply -> operation.reply().decode().apply(reply.body() == null ? new JsonObject() : reply.body()));
  }

  private Future<Message<JsonObject>> attempt(String address, JsonObject payload, DeliveryOptions options,
      int retriesLeft) {
    return bus.<JsonObject>request(address, payload, options).recover(failure -> {
      if (retriesLeft == 0 || !(failure instanceof ReplyException reply)
          || reply.failureType() != ReplyFailure.TIMEOUT && reply.failureType() != ReplyFailure.NO_HANDLERS) {
        return Future.failedFuture(failure);
      }
      Context context = Vertx.currentContext();
      Future<?> pause = reply.failureType() == ReplyFailure.NO_HANDLERS && context != null
          ? context.owner().timer(NO_HANDLERS_PAUSE_MS) : Future.succeededFuture();
      return pause.compose(ignored -> attempt(address, payload, options, retriesLeft - 1));
    });
  }
}
