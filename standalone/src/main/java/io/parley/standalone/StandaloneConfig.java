package io.parley.standalone;

import io.parley.platform.CommonConfig;
import io.parley.platform.logging.LogFormat;
import io.parley.platform.logging.RequestLogLevel;
import io.parley.platform.management.ManagementConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The launcher's own configuration keys. */
public record StandaloneConfig(String mongoUri, Path dataDir, int storePort) {

  /** Port of the embedded store: 0 (any free port) inside the all-in-one process, 27017 with --store-only. */
  public static final String STORE_PORT = "PARLEY_STORE_PORT";
  /** The keys the launcher itself reads; the services it runs read their own config classes' keys. */
  public static final List<String> KEYS = Stream.of(
      List.of(CommonConfig.MONGO_URI, CommonConfig.MONGO_DB, CommonConfig.DATA_DIR, STORE_PORT, LogFormat.KEY,
          RequestLogLevel.KEY),
      ManagementConfig.KEYS).flatMap(List::stream).toList();

  public static StandaloneConfig from(JsonObject config, boolean storeOnly) {
    return new StandaloneConfig(
        CommonConfig.mongoUri(config),
        CommonConfig.dataDir(config),
        config.getInteger(STORE_PORT, storeOnly ? 27017 : 0));
  }
}
