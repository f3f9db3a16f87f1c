package io.parley.platform;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.platform.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a service's request handlers on the event bus. A handler answers with a Future; a {@link
 * ServiceError} (thrown or failed) reaches the caller as it is, anything else is logged here and reaches the
 * caller as "unavailable", so no exception text ever leaves the service. Each request is served under the
 * caller's request id ({@link RequestIds}), so what the handler logs names it.
 */
public final class BusEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(BusEndpoints.class);

  private final EventBus bus;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  public BusEndpoints(EventBus bus) {
    this.bus = bus;
  }

  /** A reply that is not a plain JSON object: any body the bus carries, with headers. */
  public record Reply(Object body, DeliveryOptions options) {
  }

  public BusEndpoints serve(String address, Function<JsonObject, Future<JsonObject>> handler) {
    return serveMessage(address, (Message<JsonObject> message) -> handler
        .apply(message.body() == null ? new JsonObject() : message.body())
        .map(json -> new Reply(json, new DeliveryOptions())));
  }

  /** A handler that needs the whole request (headers, a body of any type) and may answer with headers. */
  public <T> BusEndpoints serveMessage(String address, Function<Message<T>, Future<Reply>> handler) {
    consumers.add(bus.<T>consumer(address, message -> answer(address, message, handler)));
    return this;
  }

  /** Completes when every consumer is registered across the cluster. */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private static <T> void answer(String address, Message<T> message, Function<Message<T>, Future<Reply>> handler) {
    RequestIds.adopt(message);
    Future<Reply> result;
    try {
      result = handler.apply(message);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result().body(), done.result().options());
      } else if (done.cause() instanceof ServiceError error) {
        message.fail(error.failureCode(), error.getMessage());
      } else {
        ServiceError unavailable = ServiceError.from(done.cause());
        if (unavailable.code() == ErrorCode.UNAVAILABLE) {
          LOG.error("{} failed", address, done.cause());
        }
        message.fail(unavailable.failureCode(), unavailable.getMessage());
      }
    });
  }
}
