package io.parley.standalone;

import io.parley.platform.CommonConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** The launcher's own configuration keys. */
public record StandaloneConfig(String mongoUri, Path dataDir, int storePort) {

  /** Port of the embedded store: 0 (any free port) inside the all-in-one process, 27017 with --store-only. */
  public static final String STORE_PORT = "PARLEY_STORE_PORT";

  public static StandaloneConfig from(JsonObject config, boolean storeOnly) {
    return new StandaloneConfig(
        CommonConfig.mongoUri(config),
        CommonConfig.dataDir(config),
        config.getInteger(STORE_PORT, storeOnly ? 27017 : 0));
  }
}
