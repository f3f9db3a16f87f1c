package io.parley.gateway;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The gateway's configuration keys, with their defaults in conf/gateway.json. */
public record GatewayConfig(String host, int port, long publicKeyWaitMs, boolean trustForwardedFor,
    SocketSettings sockets) {

  public static final String HTTP_HOST = "PARLEY_HTTP_HOST";
  public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
  /** How long a starting gateway waits for auth-service to hand it the token-verification key. */
  public static final String PUBLIC_KEY_WAIT_MS = "PARLEY_PUBLIC_KEY_WAIT_MS";

  /** True behind a load balancer that appends the client's address to X-Forwarded-For (compose's nginx). */
  public static final String TRUST_FORWARDED_FOR = "PARLEY_TRUST_FORWARDED_FOR";
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
      SOCKET_FRAMES_PER_SECOND, SOCKET_FRAME_BURST, SOCKET_WRITE_QUEUE_BYTES, SOCKET_MAX_BEHIND_BYTES);

  public static GatewayConfig from(JsonObject config) {
    return new GatewayConfig(
        config.getString(HTTP_HOST, "0.0.0.0"),
        config.getInteger(HTTP_PORT, 8080),
        config.getLong(PUBLIC_KEY_WAIT_MS, 60_000L),
        config.getBoolean(TRUST_FORWARDED_FOR, false),
        new SocketSettings(
            config.getInteger(SOCKET_FRAMES_PER_SECOND, 20),
            config.getInteger(SOCKET_FRAME_BURST, 40),
            config.getInteger(SOCKET_WRITE_QUEUE_BYTES, 256 * 1024),
            config.getInteger(SOCKET_MAX_BEHIND_BYTES, 1024 * 1024)));
  }

  /** How each client socket is protected: its rate limit and how far behind its reader may fall. */
  public record SocketSettings(int framesPerSecond, int frameBurst, int writeQueueBytes, int maxBehindBytes) {
  }
}
