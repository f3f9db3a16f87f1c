package io.parley.platform.management;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MetricsNaming;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/** Vert.x's Micrometer metrics, with the event bus metered by {@link EventBusMeterCache}. */
public final class ParleyVertxMetrics implements VertxMetrics {

  /** The event-bus meters of the registry Vert.x meters into now (one a JVM at a time: Vert.x's default). */
  private static EventBusMeterCache current;

  private final VertxMetrics micrometer;
  private final EventBusMeterCache eventBus;

  private ParleyVertxMetrics(VertxMetrics micrometer, EventBusMeterCache eventBus) {
    this.micrometer = micrometer;
    this.eventBus = eventBus;
  }

  /**
   * The factory to build Vert.x with: its metrics go to this registry, named as these options say. A second Vert.x
   * in the same JVM (tests) meters into the registry of the first, as Vert.x's do, and shares its event-bus meters.
   */
  public static VertxMetricsFactory factory(MeterRegistry registry, MicrometerMetricsOptions options) {
    MicrometerMetricsFactory micrometer = new MicrometerMetricsFactory(registry);
    MetricsNaming names = options.getMetricsNaming().withBaseName(MetricsDomain.EVENT_BUS.getPrefix());
    return new VertxMetricsFactory() {
      @Override
      public VertxMetrics metrics(VertxOptions vertxOptions) {
        VertxMetrics metrics = micrometer.metrics(vertxOptions);
        return new ParleyVertxMetrics(metrics, eventBusMeters(BackendRegistries.getNow(options.getRegistryName()),
            names));
      }

      @Override
      public MetricsOptions newOptions() {
        return micrometer.newOptions();
      }

      @Override
      public MetricsOptions newOptions(MetricsOptions options) {
        return micrometer.newOptions(options);
      }

      @Override
      public MetricsOptions newOptions(JsonObject json) {
        return micrometer.newOptions(json);
      }
    };
  }

  private static synchronized EventBusMeterCache eventBusMeters(MeterRegistry registry, MetricsNaming names) {
    if (current == null || current.registry() != registry) {
      current = new EventBusMeterCache(registry, names);
    }
    return current;
  }

  @Override
  public EventBusMetrics<?> createEventBusMetrics() {
    return eventBus;
  }

  @Override
  public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress address) {
    return micrometer.createHttpServerMetrics(options, address);
  }

  @Override
  public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remote, String type, String namespace) {
    return micrometer.createClientMetrics(remote, type, namespace);
  }

  @Override
  public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
    return micrometer.createHttpClientMetrics(options);
  }

  @Override
  public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress address) {
    return micrometer.createNetServerMetrics(options, address);
  }

  @Override
  public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
    return micrometer.createNetClientMetrics(options);
  }

  @Override
  public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
    return micrometer.createDatagramSocketMetrics(options);
  }

  @Override
  public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
    return micrometer.createPoolMetrics(poolType, poolName, maxPoolSize);
  }

  @Override
  public void vertxCreated(Vertx vertx) {
    micrometer.vertxCreated(vertx);
  }

  @Override
  public boolean isMetricsEnabled() {
    return micrometer.isMetricsEnabled();
  }

  @Override
  public void close() {
    micrometer.close();
  }
}
