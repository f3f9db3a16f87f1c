package io.parley.platform;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Loads a service's configuration with vertx-config. Later stores win: the service's defaults on the
 * classpath ({@code conf/<service>.json}), then environment variables, then what the deployer passed (the
 * standalone launcher and tests use that to point services at their store and ports).
 */
public final class ParleyConfig {

  private ParleyConfig() {
  }

  public static Future<JsonObject> load(Vertx vertx, String service, JsonObject deploymentConfig) {
    ConfigStoreOptions defaults = new ConfigStoreOptions()
        .setType("file")
        .setFormat("json")
        .setOptional(true)
        .setConfig(new JsonObject().put("path", "conf/" + service + ".json"));
    ConfigStoreOptions environment = new ConfigStoreOptions().setType("env");
    ConfigStoreOptions deployed = new ConfigStoreOptions()
        .setType("json")
        .setConfig(deploymentConfig == null ? new JsonObject() : deploymentConfig);
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setScanPeriod(0)
        .addStore(defaults)
        .addStore(environment)
        .addStore(deployed);
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig().eventually(retriever::close);
  }
}
