package io.parley.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.platform.logging.RequestIds;
import io.parley.platform.management.EventBusAddressAliases;
import io.parley.platform.management.EventBusMeters;
import io.parley.platform.management.Metrics;
import io.parley.platform.management.ParleyVertxMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Every Parley process makes its Vert.x here: on the native transport where there is one, with Micrometer metrics
 * for Prometheus (event-bus failures made up front), clustered or not, and request ids handed from each received
 * message to the code that consumes it ({@link RequestIds}).
 */
public final class VertxFactory {

  private VertxFactory() {
  }

  public static Vertx local() {
    Vertx vertx = builder(new VertxOptions()).build();
    RequestIds.install(vertx.eventBus());
    EventBusMeters.registerReplyFailures();
    return vertx;
  }

  /** A clustered Vert.x, with the gauge {@code parley_cluster_members}: the members this process sees. */
  public static Future<Vertx> clustered(ClusterConfig cluster) {
    HazelcastClusterManager manager = new HazelcastClusterManager(cluster.hazelcast());
    return builder(cluster.vertxOptions())
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(vertx -> {
          RequestIds.install(vertx.eventBus());
          EventBusMeters.registerReplyFailures();
          Gauge.builder("parley_cluster_members", manager, m -> m.getNodes().size())
              .description("members of the cluster as this process sees them")
              .register(Metrics.registry());
        });
  }

  /** The sockets' transport a Vert.x made here runs on, for the start's log line. */
  public static String transport(Vertx vertx) {
    return vertx.isNativeTransportEnabled() ? "epoll" : "NIO";
  }

  private static VertxBuilder builder(VertxOptions options) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .addLabels(Label.EB_ADDRESS, Label.EB_FAILURE);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new EventBusAddressAliases());
    // epoll on Linux (x86-64 and ARM64) where its library loads, Java's NIO elsewhere: fewer system calls and
    // wake-ups for the same sockets.
    options.setMetricsOptions(metrics).setPreferNativeTransport(true);
    return Vertx.builder().with(options).withMetrics(ParleyVertxMetrics.factory(registry, metrics));
  }
}
