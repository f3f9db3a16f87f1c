package io.parley.platform;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** Configuration keys every service reads. Service-specific keys live in each service's own config class. */
public final class CommonConfig {

  private CommonConfig() {
  }

  /** A MongoDB connection string. Standalone sets it to its embedded store when the environment does not. */
  public static final String MONGO_URI = "MONGO_URI";
  public static final String MONGO_DB = "PARLEY_MONGO_DB";
  /** Where local state lives: the embedded store's files and the generated development JWT key. */
  public static final String DATA_DIR = "PARLEY_DATA_DIR";
  /** The keys of a service that talks to MongoDB; one that also keeps files adds {@link #DATA_DIR}. */
  public static final List<String> STORE_KEYS = List.of(MONGO_URI, MONGO_DB);

  public static String mongoUri(JsonObject config) {
    return config.getString(MONGO_URI, "");
  }

  public static String mongoDb(JsonObject config) {
    return config.getString(MONGO_DB, "parley");
  }

  public static Path dataDir(JsonObject config) {
    return Path.of(config.getString(DATA_DIR, "./data"));
  }
}
