package io.parley.gateway;

import io.parley.contract.frame.FrameRate;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The gateway's configuration keys, with their defaults in conf/gateway.json. */
public record GatewayConfig(String host, int port, long publicKeyWaitMs, boolean trustForwardedFor,
    List<String> allowedOrigins, int accountChangesPerMinute, long tokenCacheMs, SocketSettings sockets) {

  public static final String HTTP_HOST = "PARLEY_HTTP_HOST";
  public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
  /** How long a starting gateway waits for auth-service to hand it the token-verification key. */
  public static final String PUBLIC_KEY_WAIT_MS = "PARLEY_PUBLIC_KEY_WAIT_MS";

  /**
   * True behind a load balancer that appends the client's address to X-Forwarded-For and says the scheme the
   * client used in X-Forwarded-Proto (compose's nginx).
   */
  public static final String TRUST_FORWARDED_FOR = "PARLEY_TRUST_FORWARDED_FOR";
  /** Comma list of origins ({@code https://chat.example.com}) besides the server's own that may open sockets. */
  public static final String ALLOWED_ORIGINS = "PARLEY_ALLOWED_ORIGINS";
  /** Profile changes, avatar uploads and new personal access tokens one user may make a minute, per gateway. */
  public static final String ACCOUNT_CHANGES_PER_MINUTE = "PARLEY_ACCOUNT_CHANGES_PER_MINUTE";
  /** How long a gateway trusts auth-service's check of a personal access token before asking again. */
  public static final String TOKEN_CACHE_SECONDS = "PARLEY_TOKEN_CACHE_SECONDS";
  /** Frames a socket may send each second, sustained. */
  public static final String SOCKET_FRAMES_PER_SECOND = "PARLEY_SOCKET_FRAMES_PER_SECOND";
  /** Frames a socket may send in one burst. */
  public static final String SOCKET_FRAME_BURST = "PARLEY_SOCKET_FRAME_BURST";
  /** A socket's outbound queue high-water mark, in bytes. */
  public static final String SOCKET_WRITE_QUEUE_BYTES = "PARLEY_SOCKET_WRITE_QUEUE_BYTES";
  /** Bytes written beyond the high-water mark before a slow reader is closed with 4429. */
  public static final String SOCKET_MAX_BEHIND_BYTES = "PARLEY_SOCKET_MAX_BEHIND_BYTES";
  /** Every key the gateway reads (the compose test checks docker-compose.yml against it). */
  public static final List<String> KEYS = List.of(HTTP_HOST, HTTP_PORT, PUBLIC_KEY_WAIT_MS, TRUST_FORWARDED_FOR,
      ALLOWED_ORIGINS, ACCOUNT_CHANGES_PER_MINUTE, TOKEN_CACHE_SECONDS,
      SOCKET_FRAMES_PER_SECOND, SOCKET_FRAME_BURST, SOCKET_WRITE_QUEUE_BYTES, SOCKET_MAX_BEHIND_BYTES);

  public static GatewayConfig from(JsonObject config) {
    return new GatewayConfig(
        config.getString(HTTP_HOST, "0.0.0.0"),
        config.getInteger(HTTP_PORT, 8080),
        config.getLong(PUBLIC_KEY_WAIT_MS, 60_000L),
        config.getBoolean(TRUST_FORWARDED_FOR, false),
        origins(config.getString(ALLOWED_ORIGINS, "")),
        config.getInteger(ACCOUNT_CHANGES_PER_MINUTE, 10),
        config.getLong(TOKEN_CACHE_SECONDS, 30L) * 1000,
        new SocketSettings(
            config.getInteger(SOCKET_FRAMES_PER_SECOND, 20),
            config.getInteger(SOCKET_FRAME_BURST, 40),
            config.getInteger(SOCKET_WRITE_QUEUE_BYTES, 256 * 1024),
            config.getInteger(SOCKET_MAX_BEHIND_BYTES, 1024 * 1024)));
  }

  /** Each origin as browsers send it, {@code scheme://host[:port]} lowercase; anything else stops the start. */
  private static List<String> origins(String list) {
    return Arrays.stream(list.split(","))
        .map(origin -> origin.strip().toLowerCase(Locale.ROOT))
        .filter(origin -> !origin.isEmpty())
        .map(origin -> {
          if (!origin.matches("https?://[^/\\s]+")) {
            throw new IllegalArgumentException(ALLOWED_ORIGINS + " lists \"" + origin
                + "\": each origin must be scheme://host[:port], without a path");
          }
          return origin;
        })
        .toList();
  }

  /** How each client socket is protected: its rate limit and how far behind its reader may fall. */
  public record SocketSettings(int framesPerSecond, int frameBurst, int writeQueueBytes, int maxBehindBytes) {

    public FrameRate frameRate() {
      return new FrameRate(framesPerSecond, frameBurst);
    }
  }
}
