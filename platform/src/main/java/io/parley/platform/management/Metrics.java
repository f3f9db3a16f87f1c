package io.parley.platform.management;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

/** The one registry a process's meters go to and the management port scrapes. */
public final class Metrics {

  private static final PrometheusMeterRegistry OWN = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Metrics() {
  }

  /** Vert.x's own Prometheus registry when Vert.x was made with metrics (VertxFactory), else one of this process. */
  public static PrometheusMeterRegistry registry() {
    return BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry vertx ? vertx : OWN;
  }
}
