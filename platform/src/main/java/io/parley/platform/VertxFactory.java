package io.parley.platform;

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

  public static Future<Vertx> clustered(ClusterConfig cluster) {
    return builder(cluster.vertxOptions())
        .withClusterManager(new HazelcastClusterManager(cluster.hazelcast()))
        .buildClustered();
  }

  private static VertxBuilder builder(VertxOptions options) {
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory());
  }
}
