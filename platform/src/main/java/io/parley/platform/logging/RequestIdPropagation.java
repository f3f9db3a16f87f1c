package io.parley.platform.logging;

import io.parley.contract.bus.BusPropagation;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * Request ids through the contract's bus client and endpoints: the current id goes out with every request and
 * notice, and a received one becomes the id of the context its handler runs in. Found by the contract through
 * {@code META-INF/services}.
 */
public final class RequestIdPropagation implements BusPropagation {

  @Override
  public DeliveryOptions outgoing(DeliveryOptions options) {
    return RequestIds.propagate(options);
  }

  @Override
  public void incoming(Message<?> message) {
    RequestIds.received(message);
  }
}
