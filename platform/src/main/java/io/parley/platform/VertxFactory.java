package io.parley.platform;

import io.micrometer.core.instrument.Gauge;
import io.parley.platform.management.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Every Parley process makes its Vert.x here: with Micrometer metrics for Prometheus, clustered or not. */
public final class VertxFactory {

  private VertxFactory() {
  }

  public static Vertx local() {
    return builder(new VertxOptions()).build();
  }

  /** A clustered Vert.x, with the gauge {@code parley_cluster_members}: the members this process sees. */
  public static Future<Vertx> clustered(ClusterConfig cluster) {
    HazelcastClusterManager manager = new HazelcastClusterManager(cluster.hazelcast());
    return builder(cluster.vertxOptions())
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(vertx -> Gauge.builder("parley_cluster_members", manager, m -> m.getNodes().size())
            .description("members of the cluster as this process sees them")
            .register(Metrics.registry()));
  }

  private static VertxBuilder builder(VertxOptions options) {
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory());
  }
}
