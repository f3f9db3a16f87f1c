package io.parley.standalone;

import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.logging.LogFormat;
import io.parley.platform.logging.RequestLogLevel;
import io.parley.platform.management.ManagementConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The launcher's own configuration keys. */
public record StandaloneConfig(String mongoUri, Path dataDir, int storePort, int storeCacheMegabytes) {

  /** Port of the embedded store: 0 (any free port) inside the all-in-one process, 27017 with --store-only. */
  public static final String STORE_PORT = "PARLEY_STORE_PORT";
  /** Megabytes of the embedded store's pages kept in memory (README, Configuration). */
  public static final String STORE_CACHE_MB = "PARLEY_STORE_CACHE_MB";
  /** The keys the launcher itself reads; the services it runs read their own config classes' keys. */
  public static final List<String> KEYS = Stream.of(
      List.of(CommonConfig.MONGO_URI, CommonConfig.MONGO_DB, CommonConfig.DATA_DIR, STORE_PORT, STORE_CACHE_MB,
          LogFormat.KEY, RequestLogLevel.KEY),
      ManagementConfig.KEYS).flatMap(List::stream).toList();

  public static StandaloneConfig from(JsonObject config, boolean storeOnly) {
    return new StandaloneConfig(
        CommonConfig.mongoUri(config),
        CommonConfig.dataDir(config),
        config.getInteger(STORE_PORT, storeOnly ? 27017 : 0),
        megabytes(config.getValue(STORE_CACHE_MB)));
  }

  /**
   * The store's cache: a whole number of megabytes within bounds, or the default when the setting is empty. Below
   * 4 MB H2 would also make its pages smaller, which is not what the setting is for.
   */
  private static int megabytes(Object value) {
    String text = value == null ? "" : value.toString().trim();
    if (text.isEmpty()) {
      return EmbeddedStore.DEFAULT_CACHE_MB;
    }
    try {
      int megabytes = Integer.parseInt(text);
      if (megabytes >= 4 && megabytes <= 65536) {
        return megabytes;
      }
    } catch (NumberFormatException e) {
      // refused below, as a number out of bounds is
    }
    throw new IllegalStateException(STORE_CACHE_MB + " must be a whole number of megabytes from 4 to 65536, not '"
        + text + "'");
  }
}
