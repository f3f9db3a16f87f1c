package io.parley.standalone;

import io.parley.auth.AuthVerticle;
import io.parley.chat.ChatVerticle;
import io.parley.contract.Addresses;
import io.parley.gateway.GatewayVerticle;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.ParleyConfig;
import io.parley.platform.ProcessIdentity;
import io.parley.platform.StartupFailure;
import io.parley.platform.VertxFactory;
import io.parley.platform.management.HealthProbe;
import io.parley.platform.management.ManagementServer;
import io.parley.presence.PresenceVerticle;
import io.parley.search.SearchVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar standalone/target/parley.jar}: every service in one JVM. Without MONGO_URI it first starts
 * the embedded store on the data folder. With {@code --store-only} it serves just that store, for a cluster of
 * separate service processes to share.
 */
public final class ParleyMain {

  private static final Logger LOG = LoggerFactory.getLogger(ParleyMain.class);

  private ParleyMain() {
  }

  public static void main(String[] args) {
    boolean storeOnly = Arrays.asList(args).contains("--store-only");
    ProcessIdentity.name(storeOnly ? "store" : "parley");
    Vertx vertx = VertxFactory.local();
    try {
      JsonObject loaded = ParleyConfig.load(vertx, "standalone", new JsonObject())
          .toCompletionStage().toCompletableFuture().get();
      StandaloneConfig config = StandaloneConfig.from(loaded, storeOnly);
      EmbeddedStore store = null;
      JsonObject overrides = new JsonObject();
      if (config.mongoUri().isBlank() || storeOnly) {
        checkDataDir(config.dataDir());
        store = EmbeddedStore.persistent(config.dataDir(), config.storePort(), config.storeCacheMegabytes());
        LOG.info("embedded store on {} with data in {}", store.connectionString(),
            config.dataDir().toAbsolutePath().normalize());
        overrides.put(CommonConfig.MONGO_URI, store.connectionString());
      }
      EmbeddedStore openStore = store;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, openStore), "parley-shutdown"));
      if (storeOnly) {
        return;
      }
      deployAll(vertx, overrides)
          .compose(deployed -> ManagementServer.start(vertx, loaded, HealthProbe.inThisProcess(
              Addresses.AUTH_HEALTH, Addresses.CHAT_HEALTH, Addresses.PRESENCE_HEALTH)))
          .toCompletionStage().toCompletableFuture().get();
      LOG.info("Parley is up (sockets on {})", VertxFactory.transport(vertx));
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      LOG.error("Parley failed to start: {}", StartupFailure.describe(cause));
      System.exit(1);
    }
  }

  /** Deploys the services, then the gateway, all reading the same configuration overrides. */
  public static Future<String> deployAll(Vertx vertx, JsonObject overrides) {
    DeploymentOptions options = new DeploymentOptions().setConfig(overrides);
    return Future.all(
            vertx.deployVerticle(new AuthVerticle(), options),
            vertx.deployVerticle(new ChatVerticle(), options),
            vertx.deployVerticle(new PresenceVerticle(), options),
            vertx.deployVerticle(new SearchVerticle(), options))
        .compose(services -> vertx.deployVerticle(new GatewayVerticle(), options));
  }

  private static void checkDataDir(Path dataDir) throws Exception {
    try {
      Files.createDirectories(dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create data folder " + dataDir.toAbsolutePath().normalize());
    }
    if (!Files.isDirectory(dataDir) || !Files.isReadable(dataDir) || !Files.isWritable(dataDir)
        || !Files.isExecutable(dataDir)) {
      throw new IllegalStateException("data folder " + dataDir.toAbsolutePath().normalize()
          + " is not a readable and writable folder");
    }
  }

  private static void shutdown(Vertx vertx, EmbeddedStore store) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      LOG.debug("closing Vert.x", e);
    }
    if (store != null) {
      store.close();
    }
  }
}
