package io.parley.gateway.socket.chat;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One connection's requests that must be handled in the order it sent them, each made once the previous one is
 * answered: chat-service handles requests concurrently, so two messages sent back to back could otherwise be
 * stored in either order. A request that cannot even be made (its frame is refused) fails in its turn.
 */
public final class InOrderRequests {

  private Future<?> tail = Future.succeededFuture();

  public <T> Future<T> next(Supplier<Future<T>> request) {
    Future<T> result = tail.transform(ignored -> request.get());
    tail = result.transform(ignored -> Future.succeededFuture());
    return result;
  }
}
