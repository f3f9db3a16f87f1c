package io.parley.gateway.socket.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * One connection's requests that must be handled in the order it sent them, each made once the previous one is
 * answered: chat-service handles requests concurrently, so two messages sent back to back could otherwise be
 * stored in either order.
 */
public final class InOrderRequests {

  private Future<?> tail = Future.succeededFuture();

  public Future<JsonObject> next(Supplier<Future<JsonObject>> request) {
    Future<JsonObject> result = tail.transform(ignored -> request.get());
    tail = result.transform(ignored -> Future.succeededFuture());
    return result;
  }
}
