package io.parley.search;

import io.parley.platform.CommonConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** search-service's configuration keys, with their defaults in conf/search-service.json. */
public record SearchConfig(Path indexDir, long refreshMs, long commitMs, long reconcileSeconds) {

  /** This instance's own index folder; by default {@code search} in PARLEY_DATA_DIR. Removing it rebuilds the index. */
  public static final String DATA_DIR = "PARLEY_SEARCH_DATA_DIR";
  /**
   * While the index is searched (a search in the last 30 s), how often writes become visible to searches; the
   * first search after a quiet spell refreshes first and sees every write before it.
   */
  public static final String REFRESH_MS = "PARLEY_SEARCH_REFRESH_MS";
  /**
   * How often the index is made durable; what a crash loses of it is read again from chat-service. Each commit
   * forces the new segments' files to disk: at 5 s that cost a busy one-JVM server tail latency (fifteenth round).
   */
  public static final String COMMIT_MS = "PARLEY_SEARCH_COMMIT_MS";
  /** How often every room's version is compared with chat-service's, for changes whose notice was lost. */
  public static final String RECONCILE_SECONDS = "PARLEY_SEARCH_RECONCILE_SECONDS";

  /** Every key search-service reads (the compose test checks docker-compose.yml against it). */
  public static final List<String> KEYS = List.of(CommonConfig.DATA_DIR, DATA_DIR, REFRESH_MS, COMMIT_MS,
      RECONCILE_SECONDS);

  /** Changing what documents hold makes a new folder, which is then built from chat-service's change log. */
  private static final String INDEX_FOLDER = "messages-v2";

  public static SearchConfig from(JsonObject config) {
    String own = config.getString(DATA_DIR, "");
    Path dataDir = own.isBlank() ? CommonConfig.dataDir(config).resolve("search") : Path.of(own);
    return new SearchConfig(
        dataDir.resolve(INDEX_FOLDER),
        config.getLong(REFRESH_MS, 100L),
        config.getLong(COMMIT_MS, 30_000L),
        config.getLong(RECONCILE_SECONDS, 60L));
  }
}
