package io.parley.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.platform.management.Metrics;
import java.util.function.Supplier;

/**
 * The gateway's own meters, tagged with its id: connections, frames in and out, deliveries, errors and queue
 * drops. They join Vert.x's own metrics in the Prometheus registry, scraped on the management port.
 */
public final class GatewayMetrics {

  private final MeterRegistry registry;
  private final Counter framesIn;
  private final Counter framesOut;
  private final Counter deliveries;
  private final Counter errors;
  private final Counter queueDrops;
  private final Counter rateLimited;

  public GatewayMetrics(String gatewayId, Supplier<Number> openConnections) {
    this.registry = Metrics.registry();
    Gauge.builder("parley_gateway_connections", openConnections)
        .description("open client sockets").tag("gateway", gatewayId).register(registry);
    framesIn = counter("parley_gateway_frames_in", "frames received from clients", gatewayId);
    framesOut = counter("parley_gateway_frames_out", "frames written to clients", gatewayId);
    deliveries = counter("parley_gateway_deliveries", "room events written to member sockets", gatewayId);
    errors = counter("parley_gateway_errors", "error frames sent", gatewayId);
    queueDrops = counter("parley_gateway_queue_drops", "sockets closed for reading too slowly", gatewayId);
    rateLimited = counter("parley_gateway_rate_limited", "frames refused by the per-socket rate limit", gatewayId);
  }

  private Counter counter(String name, String description, String gatewayId) {
    return Counter.builder(name).description(description).tag("gateway", gatewayId).register(registry);
  }

  public void frameIn() {
    framesIn.increment();
  }

  public void frameOut() {
    framesOut.increment();
  }

  public void delivery() {
    deliveries.increment();
  }

  public void error() {
    errors.increment();
  }

  public void queueDrop() {
    queueDrops.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }
}
