package io.parley.platform;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service as its own process in the Hazelcast cluster: the main of every service jar. A service that
 * cannot start logs one line saying why and exits non-zero.
 */
public final class ServiceLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {
  }

  public static void run(String service, Supplier<? extends Deployable> verticle, int instances) {
    ClusterConfig cluster = ClusterConfig.fromEnvironment(System.getenv());
    VertxFactory.clustered(cluster)
        .compose(vertx -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx), service + "-shutdown"));
          return vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances));
        })
        .onSuccess(id -> LOG.info("{} started in the cluster", service))
        .onFailure(failure -> {
          LOG.error("{} failed to start: {}", service, StartupFailure.describe(failure));
          System.exit(1);
        });
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().await();
    } catch (Exception e) {
      LOG.debug("close after shutdown signal", e);
    }
  }
}
