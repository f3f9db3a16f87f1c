package io.parley.gateway;

import io.vertx.core.json.JsonObject;

/** The gateway's configuration keys, with their defaults in conf/gateway.json. */
public record GatewayConfig(String host, int port, long publicKeyWaitMs) {

  public static final String HTTP_HOST = "PARLEY_HTTP_HOST";
  public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
  /** How long a starting gateway waits for auth-service to hand it the token-verification key. */
  public static final String PUBLIC_KEY_WAIT_MS = "PARLEY_PUBLIC_KEY_WAIT_MS";

  public static GatewayConfig from(JsonObject config) {
    return new GatewayConfig(
        config.getString(HTTP_HOST, "0.0.0.0"),
        config.getInteger(HTTP_PORT, 8080),
        config.getLong(PUBLIC_KEY_WAIT_MS, 60_000L));
  }
}
