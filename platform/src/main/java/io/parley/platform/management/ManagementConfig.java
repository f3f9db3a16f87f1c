package io.parley.platform.management;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Where a process serves {@code /metrics} and {@code /health} for operators, apart from the public port. Off
 * unless PARLEY_MANAGEMENT_PORT is set (0 takes a free port), so processes sharing a host never collide by
 * default; bound to loopback unless PARLEY_MANAGEMENT_HOST says otherwise (a container sets 0.0.0.0, for
 * Prometheus and the health check, and publishes nothing).
 */
public record ManagementConfig(String host, int port) {

  public static final String MANAGEMENT_PORT = "PARLEY_MANAGEMENT_PORT";
  public static final String MANAGEMENT_HOST = "PARLEY_MANAGEMENT_HOST";
  /** Every key this class reads. */
  public static final List<String> KEYS = List.of(MANAGEMENT_PORT, MANAGEMENT_HOST);

  public static Optional<ManagementConfig> from(JsonObject config) {
    Object port = config.getValue(MANAGEMENT_PORT);
    String text = port == null ? "" : port.toString().trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int number;
    try {
      number = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 0 || number > 65_535) {
      throw new IllegalStateException(MANAGEMENT_PORT + " must be a port number, not '" + text + "'");
    }
    return Optional.of(new ManagementConfig(config.getString(MANAGEMENT_HOST, "127.0.0.1"), number));
  }
}
