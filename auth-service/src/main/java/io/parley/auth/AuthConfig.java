package io.parley.auth;

import io.parley.platform.CommonConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** auth-service's configuration keys, with their defaults in conf/auth-service.json. */
public record AuthConfig(
    int accessTokenTtlSeconds,
    Duration refreshTokenTtl,
    String privateKeyPem,
    Path dataDir,
    int argonMemoryKib,
    int argonIterations,
    int argonParallelism,
    long cleanupIntervalMs,
    int loginFailuresPerUsername,
    int loginFailuresPerAddress,
    Duration loginFailureWindow,
    String totpEncryptionKey,
    String totpIssuer,
    int tokensPerUser) {

  public static final String ACCESS_TOKEN_TTL_SECONDS = "PARLEY_ACCESS_TOKEN_TTL_SECONDS";
  /** How long a refresh token lives; each rotation issues a new one with a full lifetime. */
  public static final String REFRESH_TOKEN_TTL_SECONDS = "PARLEY_REFRESH_TOKEN_TTL_SECONDS";
  /** PKCS#8 PEM of an EC P-256 key. When absent, one is generated into the data folder on first start. */
  public static final String JWT_PRIVATE_KEY = "PARLEY_JWT_PRIVATE_KEY";
  public static final String ARGON_MEMORY_KIB = "PARLEY_ARGON2_MEMORY_KIB";
  public static final String ARGON_ITERATIONS = "PARLEY_ARGON2_ITERATIONS";
  public static final String ARGON_PARALLELISM = "PARLEY_ARGON2_PARALLELISM";
  /** How often expired sessions, refresh tokens and login-failure records are deleted. */
  public static final String CLEANUP_INTERVAL_MS = "PARLEY_AUTH_CLEANUP_INTERVAL_MS";
  /** Failed logins for one username within the window before further attempts answer 429. */
  public static final String LOGIN_FAILURES_PER_USERNAME = "PARLEY_LOGIN_FAILURES_PER_USERNAME";
  /** Failed logins from one client address within the window before further attempts answer 429. */
  public static final String LOGIN_FAILURES_PER_ADDRESS = "PARLEY_LOGIN_FAILURES_PER_ADDRESS";
  public static final String LOGIN_FAILURE_WINDOW_SECONDS = "PARLEY_LOGIN_FAILURE_WINDOW_SECONDS";
  /** Base64 of 32 bytes, the AES-256 key that seals two-factor secrets; generated into the data folder if absent. */
  public static final String TOTP_ENCRYPTION_KEY = "PARLEY_TOTP_ENCRYPTION_KEY";
  /** The name authenticator apps show beside the account. */
  public static final String TOTP_ISSUER = "PARLEY_TOTP_ISSUER";
  /** Personal access tokens one user may hold at once. */
  public static final String TOKENS_PER_USER = "PARLEY_TOKENS_PER_USER";

  /** Every key auth-service reads (the compose test checks docker-compose.yml against it). */
  public static final List<String> KEYS = Stream.concat(
      Stream.of(CommonConfig.DATA_DIR, ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS, JWT_PRIVATE_KEY,
          ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_PARALLELISM, CLEANUP_INTERVAL_MS, LOGIN_FAILURES_PER_USERNAME,
          LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURE_WINDOW_SECONDS, TOTP_ENCRYPTION_KEY, TOTP_ISSUER, TOKENS_PER_USER),
      CommonConfig.STORE_KEYS.stream()).toList();

  public static AuthConfig from(JsonObject config) {
    return new AuthConfig(
        config.getInteger(ACCESS_TOKEN_TTL_SECONDS, 900),
        Duration.ofSeconds(config.getLong(REFRESH_TOKEN_TTL_SECONDS, Duration.ofDays(30).toSeconds())),
        config.getString(JWT_PRIVATE_KEY, ""),
        CommonConfig.dataDir(config),
        config.getInteger(ARGON_MEMORY_KIB, 19_456),
        config.getInteger(ARGON_ITERATIONS, 2),
        config.getInteger(ARGON_PARALLELISM, 1),
        config.getLong(CLEANUP_INTERVAL_MS, 300_000L),
        config.getInteger(LOGIN_FAILURES_PER_USERNAME, 5),
        config.getInteger(LOGIN_FAILURES_PER_ADDRESS, 20),
        Duration.ofSeconds(config.getLong(LOGIN_FAILURE_WINDOW_SECONDS, 900L)),
        config.getString(TOTP_ENCRYPTION_KEY, ""),
        config.getString(TOTP_ISSUER, "Parley"),
        config.getInteger(TOKENS_PER_USER, 20));
  }
}
