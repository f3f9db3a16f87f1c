package io.parley.contract.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.ServiceLoader;

/**
 * What travels beside the payload of every request and notice, for whatever a process keeps per call (platform's
 * request ids): {@link BusClient} adds it to what it sends, {@link BusEndpoints} hands what came with a message to
 * the context its handler runs in. The contract knows no implementation: one is found on the class path
 * ({@code META-INF/services}); without one, nothing travels.
 */
public interface BusPropagation {

  /** Nothing travels. */
  BusPropagation NONE = new BusPropagation() {
    @Override
    public DeliveryOptions outgoing(DeliveryOptions options) {
      return options;
    }

    @Override
    public void incoming(Message<?> message) {
    }
  };

  /** The implementation on the class path, or {@link #NONE}. */
  BusPropagation INSTALLED = ServiceLoader.load(BusPropagation.class, BusPropagation.class.getClassLoader())
      .findFirst().orElse(NONE);

  /** The options of a request or publish made now, with what the current call passes on added. */
  DeliveryOptions outgoing(DeliveryOptions options);

  /** Runs in the context a received message is handled in, before its handler. */
  void incoming(Message<?> message);
}
