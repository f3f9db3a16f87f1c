package io.parley.contract.bus;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of every service interface: registers a handler per {@link Operation}. The request is
 * decoded (and so validated) before the handler runs; a {@link ServiceError}, thrown or failed, reaches the
 * caller as it is, anything else is logged here and reaches the caller as {@code unavailable}, so no exception
 * text ever leaves the service. Each handler runs in the context of what came with its message ({@link
 * BusPropagation}: the caller's request id), and each answer makes a line of the {@link RequestLog}.
 */
public final class BusEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(BusEndpoints.class);

  private final EventBus bus;
  private final BusPropagation propagation = BusPropagation.INSTALLED;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private volatile boolean stopping;
  private final AtomicBoolean stoppingFailureLogged = new AtomicBoolean();

  public BusEndpoints(EventBus bus) {
    this.bus = bus;
  }

  /** A reply that is not a plain JSON object: any body the bus carries, with headers. */
  public record Reply(Object body, DeliveryOptions options) {
  }

  /** An operation made on behalf of a user: the handler gets the actor the gateway verified. */
  public <Q, R> BusEndpoints serve(Operation<Q, R> operation, BiFunction<Actor, Q, Future<R>> handler) {
    return serveMessage(operation.address(), (Message<JsonObject> message) -> {
      JsonObject body = message.body() == null ? new JsonObject() : message.body();
      Actor actor = operation.needsActor() ? Actor.of(body) : null;
      return handler.apply(actor, operation.request().decode().apply(body))
          .map(answer -> new Reply(operation.reply().encode().apply(answer), new DeliveryOptions()));
    });
  }

  /** An operation one service asks of another, for no particular user. */
  public <Q, R> BusEndpoints serveInternal(Operation<Q, R> operation, Function<Q, Future<R>> handler) {
    return serve(operation, (actor, request) -> handler.apply(request));
  }

  /** A handler that needs the whole request (headers, a body of any type) and may answer with headers. */
  public <T> BusEndpoints serveMessage(String address, Function<Message<T>, Future<Reply>> handler) {
    consumers.add(QuietConsumers.<T>consumer(bus, address, message -> {
      propagation.incoming(message);
      answer(address, message, handler);
    }));
    return this;
  }

  /** Listens to a published notice; a payload that does not decode is logged and dropped. */
  public <T> BusEndpoints listen(Notice<T> notice, Consumer<T> handler) {
    consumers.add(QuietConsumers.<JsonObject>consumer(bus, notice.address(), message -> {
      propagation.incoming(message);
      try {
        handler.accept(notice.payload().decode().apply(message.body()));
      } catch (RuntimeException e) {
        LOG.warn("{}: dropped a notice that could not be handled", notice.address(), e);
      }
    }));
    return this;
  }

  /** Completes when every consumer is registered across the cluster. */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  /**
   * Stops every consumer, for a verticle that is stopping. A request still in flight may then fail because the
   * service is closing its store: that is logged as one line however many fail, not as a fault.
   */
  public Future<Void> close() {
    stopping = true;
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private <T> void answer(String address, Message<T> message, Function<Message<T>, Future<Reply>> handler) {
    long started = System.nanoTime();
    Future<Reply> result;
    try {
      result = handler.apply(message);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      ServiceError refused = done.succeeded() ? null : ServiceError.from(done.cause());
      if (refused == null) {
        message.reply(done.result().body(), done.result().options());
      } else {
        if (!(done.cause() instanceof ServiceError) && refused.code() == ErrorCode.UNAVAILABLE) {
          logFailure(address, done.cause());
        }
        message.fail(refused.failureCode(), refused.getMessage());
      }
      if (RequestLog.LOG.isInfoEnabled()) {
        RequestLog.LOG.info("{} {} in {} ms", address, refused == null ? "answered" : refused.code().word(),
            (System.nanoTime() - started) / 1_000_000);
      }
    });
  }

  private void logFailure(String address, Throwable cause) {
    if (stopping) {
      if (stoppingFailureLogged.compareAndSet(false, true)) {
        LOG.info("{} failed while the service stops: {} (any further failure while it stops: DEBUG)", address,
            cause.toString());
      } else {
        LOG.debug("{} failed while the service stops: {}", address, cause.toString());
      }
    } else {
      LOG.error("{} failed", address, cause);
    }
  }
}
