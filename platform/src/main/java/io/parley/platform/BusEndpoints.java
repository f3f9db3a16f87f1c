package io.parley.platform;

import io.parley.contract.ServiceError;
import io.vertx.core.Future;
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
 * caller as "unavailable", so no exception text ever leaves the service.
 */
public final class BusEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(BusEndpoints.class);

  private final EventBus bus;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public BusEndpoints(EventBus bus) {
    this.bus = bus;
  }

  public BusEndpoints serve(String address, Function<JsonObject, Future<JsonObject>> handler) {
    consumers.add(bus.<JsonObject>consumer(address, message -> answer(address, message, handler)));
    return this;
  }

  /** Completes when every consumer is registered across the cluster. */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private static void answer(String address, Message<JsonObject> message,
      Function<JsonObject, Future<JsonObject>> handler) {
    Future<JsonObject> result;
    try {
      JsonObject body = message.body() == null ? new JsonObject() : message.body();
      result = handler.apply(body);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result());
      } else if (done.cause() instanceof ServiceError error) {
        message.fail(error.failureCode(), error.getMessage());
      } else {
        ServiceError unavailable = ServiceError.from(done.cause());
        if (unavailable.code() == io.parley.contract.ErrorCode.UNAVAILABLE) {
          LOG.error("{} failed", address, done.cause());
        }
        message.fail(unavailable.failureCode(), unavailable.getMessage());
      }
    });
  }
}
