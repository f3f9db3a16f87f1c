package io.parley.webtests;

import io.parley.platform.TestStores;
import io.parley.standalone.ParleyProcess;
import io.parley.testing.Ports;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Parley process ({@code ParleyMain}, embedded store) on a fixed port and data folder, which can be
 * stopped and started again on both, as an operator restarting the server would.
 */
final class ParleyServer implements AutoCloseable {

  private static final long START_MS = 90_000;

  private final Map<String, String> env;
  private final int port;
  private ParleyProcess process;

  private ParleyServer(Path dataDir, int port, Map<String, String> settings) {
    this.port = port;
    Map<String, String> all = new HashMap<>(settings);
    all.put("PARLEY_DATA_DIR", dataDir.toString());
    all.put("PARLEY_HTTP_HOST", "127.0.0.1");
    all.put("PARLEY_HTTP_PORT", Integer.toString(port));
    this.env = Map.copyOf(all);
  }

  static ParleyServer start() throws InterruptedException {
    return start(Map.of());
  }

  /** A server with extra settings (environment variables, as README lists them). */
  static ParleyServer start(Map<String, String> settings) throws InterruptedException {
    ParleyServer server = new ParleyServer(TestStores.freshDataDir(), Ports.free(), settings);
    server.startProcess();
    return server;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Stops the process (SIGTERM: sockets close with 1001) and starts a new one on the same port and data. */
  void restart() throws InterruptedException {
    stop();
    startProcess();
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  void startProcess() throws InterruptedException {
    process = ParleyProcess.start(env);
    process.awaitLine("Parley is up", START_MS);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
