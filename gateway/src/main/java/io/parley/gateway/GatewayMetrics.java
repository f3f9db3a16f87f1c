package io.parley.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.contract.ErrorCode;
import io.parley.contract.frame.FrameTypes;
import io.parley.platform.management.Metrics;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gateway's own meters, tagged with its id: open sockets, frames in and out by type, room events delivered,
 * refusals by error code (problem documents and {@code error} frames alike), frames over the rate limit and
 * sockets closed for reading too slowly. Each is made at start, so a dashboard shows zeros rather than gaps. They
 * join Vert.x's own metrics in the Prometheus registry, scraped on the management port.
 */
public final class GatewayMetrics {

  /** A client frame whose type is not one the gateway handles, or that could not be read. */
  public static final String OTHER_TYPE = "other";
  /** A client frame refused by the rate limit before it was read. */
  public static final String UNREAD = "unread";

  /** Where a refusal was answered. */
  public enum Via { REST, SOCKET }

  private final MeterRegistry registry = Metrics.registry();
  private final String gatewayId;
  private final Map<String, Counter> framesIn = new ConcurrentHashMap<>();
  private final Map<String, Counter> framesOut = new ConcurrentHashMap<>();
  private final Map<Via, Map<ErrorCode, Counter>> refusals = new EnumMap<>(Via.class);
  private final Counter deliveries;
  private final Counter queueDrops;
  private final Counter rateLimited;

  /** {@code clientTypes}: the client frame types the gateway handles, each counted apart. */
  public GatewayMetrics(String gatewayId, Supplier<Number> openConnections, Collection<String> clientTypes) {
    this.gatewayId = gatewayId;
    Gauge.builder("parley_gateway_connections", openConnections)
        .description("open client sockets").tag("gateway", gatewayId).register(registry);
    clientTypes.forEach(type -> framesIn.put(type, frameCounter(true, type)));
    framesIn.put(OTHER_TYPE, frameCounter(true, OTHER_TYPE));
    framesIn.put(UNREAD, frameCounter(true, UNREAD));
    FrameTypes.SERVER.forEach(this::outCounter);
    for (Via via : Via.values()) {
      Map<ErrorCode, Counter> byCode = new EnumMap<>(ErrorCode.class);
      for (ErrorCode code : ErrorCode.values()) {
        byCode.put(code, Counter.builder("parley_gateway_refusals")
            .description("requests and frames refused, by error code and by REST or socket")
            .tag("gateway", gatewayId).tag("via", via.name().toLowerCase()).tag("code", code.word())
            .register(registry));
      }
      refusals.put(via, byCode);
    }
    deliveries = counter("parley_gateway_deliveries", "room events written to member sockets");
    queueDrops = counter("parley_gateway_queue_drops", "sockets closed for reading too slowly");
    rateLimited = counter("parley_gateway_rate_limited", "frames refused by the per-socket rate limit");
  }

  /** Counts a client frame; answers the type it was counted as (any type not handled is {@link #OTHER_TYPE}). */
  public String frameIn(String type) {
    String counted = type != null && framesIn.containsKey(type) ? type : OTHER_TYPE;
    framesIn.get(counted).increment();
    return counted;
  }

  public void frameOut(String type) {
    outCounter(type == null ? OTHER_TYPE : type).increment();
  }

  public void delivery() {
    deliveries.increment();
  }

  public void refused(Via via, ErrorCode code) {
    refusals.get(via).get(code).increment();
  }

  public void queueDrop() {
    queueDrops.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  /** Server frame types are the gateway's own and few; one not listed in {@link FrameTypes#SERVER} is added. */
  private Counter outCounter(String type) {
    return framesOut.computeIfAbsent(type, t -> frameCounter(false, t));
  }

  private Counter frameCounter(boolean in, String type) {
    return Counter.builder(in ? "parley_gateway_frames_in" : "parley_gateway_frames_out")
        .description(in ? "frames received from clients, by type" : "frames written to clients, by type")
        .tag("gateway", gatewayId).tag("type", type).register(registry);
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).tag("gateway", gatewayId).register(registry);
  }
}
