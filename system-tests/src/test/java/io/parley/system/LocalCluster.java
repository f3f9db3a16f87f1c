package io.parley.system;

import io.parley.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives {@code scripts/local-cluster.sh}, as a person would, on ports of its own. */
final class LocalCluster implements AutoCloseable {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Path SCRIPT = ROOT.resolve("scripts/local-cluster.sh");

  private final Map<String, String> env = new HashMap<>();
  private final int gatewayA;
  private final int gatewayB;
  private final Path runDir;
  private int formationSeconds = -1;

  LocalCluster(Map<String, String> extraEnv) {
    try {
      runDir = Files.createTempDirectory("parley-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gatewayA = Ports.free();
    gatewayB = Ports.free();
    env.put("PARLEY_CLUSTER_RUN_DIR", runDir.toString());
    env.put("PARLEY_CLUSTER_BASE_PORT", Integer.toString(Ports.freeRun(10)));
    env.put("PARLEY_CLUSTER_NAME", "parley-system-" + System.nanoTime());
    env.put("PARLEY_STORE_PORT", Integer.toString(Ports.free()));
    env.put("PARLEY_GATEWAY_PORTS", gatewayA + " " + gatewayB);
    env.putAll(extraEnv);
  }

  /** Starts every process and waits until both gateways are healthy. */
  void start() {
    String output = run(300, "start");
    Matcher up = Pattern.compile("cluster up in (\\d+) s").matcher(output);
    if (!up.find()) {
      throw new AssertionError("the cluster did not come up:\n" + output);
    }
    formationSeconds = Integer.parseInt(up.group(1));
  }

  void kill(String name) {
    run(30, "kill", name);
  }

  void startOne(String name, String service) {
    run(30, "start-one", name, service);
  }

  /** One more process with settings of its own, such as the folder of a search-service's index. */
  void startOne(String name, String service, Map<String, String> settings) {
    List<String> args = new java.util.ArrayList<>(List.of("start-one", name, service));
    settings.forEach((key, value) -> args.add(key + "=" + value));
    run(30, args.toArray(String[]::new));
  }

  /** A folder of this run's own, for one process's files. */
  Path folder(String name) {
    return runDir.resolve(name);
  }

  /** Waits until a process logs a line containing the text. */
  void awaitLog(String name, String text, long timeoutMs) throws InterruptedException {
    Path log = runDir.resolve(name + ".log");
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(log) && readLog(log).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " never logged '" + text + "':\n" + (Files.exists(log) ? readLog(log) : ""));
  }

  String log(String name) {
    return readLog(runDir.resolve(name + ".log"));
  }

  int gatewayA() {
    return gatewayA;
  }

  int gatewayB() {
    return gatewayB;
  }

  int formationSeconds() {
    return formationSeconds;
  }

  @Override
  public void close() {
    run(60, "stop");
  }

  private String run(int timeoutSeconds, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("local-cluster.sh " + String.join(" ", args) + " took over " + timeoutSeconds + " s");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError("local-cluster.sh " + String.join(" ", args) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String readLog(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
