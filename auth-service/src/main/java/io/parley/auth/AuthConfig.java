package io.parley.auth;

import io.parley.platform.CommonConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** auth-service's configuration keys, with their defaults in conf/auth-service.json. */
public record AuthConfig(
    JsonObject raw,
    int accessTokenTtlSeconds,
    int refreshTokenTtlDays,
    String privateKeyPem,
    Path dataDir,
    int argonMemoryKib,
    int argonIterations,
    int argonParallelism) {

  public static final String ACCESS_TOKEN_TTL_SECONDS = "PARLEY_ACCESS_TOKEN_TTL_SECONDS";
  public static final String REFRESH_TOKEN_TTL_DAYS = "PARLEY_REFRESH_TOKEN_TTL_DAYS";
  /** PKCS#8 PEM of an EC P-256 key. When absent, one is generated into the data folder on first start. */
  public static final String JWT_PRIVATE_KEY = "PARLEY_JWT_PRIVATE_KEY";
  public static final String ARGON_MEMORY_KIB = "PARLEY_ARGON2_MEMORY_KIB";
  public static final String ARGON_ITERATIONS = "PARLEY_ARGON2_ITERATIONS";
  public static final String ARGON_PARALLELISM = "PARLEY_ARGON2_PARALLELISM";

  public static AuthConfig from(JsonObject config) {
    return new AuthConfig(
        config,
        config.getInteger(ACCESS_TOKEN_TTL_SECONDS, 900),
        config.getInteger(REFRESH_TOKEN_TTL_DAYS, 30),
        config.getString(JWT_PRIVATE_KEY, ""),
        CommonConfig.dataDir(config),
        config.getInteger(ARGON_MEMORY_KIB, 19_456),
        config.getInteger(ARGON_ITERATIONS, 2),
        config.getInteger(ARGON_PARALLELISM, 1));
  }
}
