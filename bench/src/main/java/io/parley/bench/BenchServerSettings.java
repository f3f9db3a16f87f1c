package io.parley.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How Parley is configured for benchmarks. The per-socket rate limit is raised (default 20 frames/s, burst 40)
 * so the open-loop schedule, not the limiter, sets the pace; Argon2id is made cheap so that creating thousands
 * of accounts takes seconds (it is not on the measured message path; {@code --production-argon} keeps the
 * defaults); tokens live a day so long runs need no refresh. Everything else is Parley's default.
 */
final class BenchServerSettings {

  /** Young pauses of G1's default 200 ms goal dominated p99 at low rates; 20 ms keeps them short. */
  static final String DEFAULT_SERVER_JVM = "-Xmx2g -XX:MaxGCPauseMillis=20";

  private BenchServerSettings() {
  }

  static Map<String, String> environment(BenchOptions options, int port, int managementPort, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("PARLEY_HTTP_HOST", "127.0.0.1");
    env.put("PARLEY_HTTP_PORT", Integer.toString(port));
    env.put("PARLEY_MANAGEMENT_PORT", Integer.toString(managementPort));
    // Every workload makes its own rooms; #general would put every account of a run in one more room.
    env.put("PARLEY_GENERAL_ROOM", "");
    env.put("PARLEY_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("PARLEY_SOCKET_FRAMES_PER_SECOND", options.string("socket-fps", "1000"));
    env.put("PARLEY_SOCKET_FRAME_BURST", options.string("socket-burst", "2000"));
    env.put("PARLEY_ACCESS_TOKEN_TTL_SECONDS", "86400");
    if (options.has("search-reconcile-s")) {
      env.put("PARLEY_SEARCH_RECONCILE_SECONDS", options.string("search-reconcile-s", "60"));
    }
    if (!options.has("production-argon")) {
      env.put("PARLEY_ARGON2_MEMORY_KIB", "1024");
      env.put("PARLEY_ARGON2_ITERATIONS", "1");
    }
    return env;
  }
}
