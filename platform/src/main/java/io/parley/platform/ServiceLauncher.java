package io.parley.platform;

import io.parley.platform.logging.LogFormat;
import io.parley.platform.logging.RequestLogLevel;
import io.parley.platform.management.HealthProbe;
import io.parley.platform.management.ManagementConfig;
import io.parley.platform.management.ManagementServer;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service as its own process in the Hazelcast cluster: the main of every service jar. Once the service
 * is deployed it serves the management port ({@link ManagementServer}) when one is configured. A service that
 * cannot start logs one line saying why and exits non-zero.
 */
public final class ServiceLauncher {

  /** The keys every service process reads here, besides its own config class's. */
  public static final List<String> KEYS = Stream.of(ClusterConfig.KEYS, ManagementConfig.KEYS,
      List.of(LogFormat.KEY, RequestLogLevel.KEY)).flatMap(List::stream).toList();
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {
  }

  public static void run(String service, Supplier<? extends Deployable> verticle, int instances,
      HealthProbe health) {
    ProcessIdentity.name(service);
    // Read inside the chain, so a refused setting ends the process as any other failure to start does.
    Future.succeededFuture(System.getenv()).map(ClusterConfig::fromEnvironment)
        .compose(VertxFactory::clustered)
        .compose(vertx -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx), service + "-shutdown"));
          return vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
              .compose(deployed -> ParleyConfig.load(vertx, service, new JsonObject()))
              .compose(config -> ManagementServer.start(vertx, config, health))
              .map(started -> VertxFactory.transport(vertx));
        })
        .onSuccess(transport -> LOG.info("{} started in the cluster (sockets on {})", service, transport))
        .onFailure(failure -> {
          LOG.error("{} failed to start: {}", service, StartupFailure.describe(failure));
          // Not on this event loop: the shutdown hook waits for Vert.x to close, which needs the event loops.
          new Thread(() -> System.exit(1), service + "-exit").start();
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
