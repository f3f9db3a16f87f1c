package io.parley.contract.bus;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.impl.MessageConsumerImpl;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumers that drop quietly what is still queued for them when they unregister. Parley unregisters consumers
 * while messages may be on their way, by design: a gateway's room consumer when its last socket in the room
 * closes, a service's endpoints when it stops. Vert.x then answers each queued request at once with a
 * {@code TIMEOUT} failure (its caller retries another instance, or tells its user {@code unavailable}) and counts
 * the message in {@code vertx_eventbus_discarded}, and it logs a WARN line per message: hundreds of lines when a
 * busy node stops or many sockets close at once, none of them a fault. Here such a drop is a DEBUG line; a drop
 * by a consumer still registered (a paused one whose buffer is full) stays a WARN. Vert.x offers the hook only on
 * its consumer class; were that to change, the consumer would still work, and warn as Vert.x does.
 */
public final class QuietConsumers {

  private static final Logger LOG = LoggerFactory.getLogger(QuietConsumers.class);

  private QuietConsumers() {
  }

  /** Registers {@code handler} on {@code address}, as {@link EventBus#consumer(String, Handler)} does. */
  public static <T> MessageConsumer<T> consumer(EventBus bus, String address, Handler<Message<T>> handler) {
    Objects.requireNonNull(handler, "handler");
    MessageConsumer<T> consumer = bus.consumer(address);
    if (consumer instanceof MessageConsumerImpl<T> impl) {
      impl.discardHandler(dropped -> logDrop(address, dropped, impl.getHandler() == null));
    }
    return consumer.handler(handler);
  }

  private static void logDrop(String address, Message<?> dropped, boolean unregistered) {
    String what = dropped.replyAddress() == null ? "a notice" : "a request";
    if (unregistered) {
      LOG.debug("{}: dropped {} that was queued when the consumer closed", address, what);
    } else {
      LOG.warn("{}: dropped {}: its paused consumer's buffer is full", address, what);
    }
  }
}
