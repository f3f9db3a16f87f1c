package io.parley.system;

import io.parley.platform.ClusterConfig;
import io.parley.platform.CommonConfig;
import io.parley.platform.management.ManagementConfig;
import io.parley.standalone.StandaloneConfig;
import io.parley.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services of docker-compose.yml as processes on this host, each from the jar its image runs and with
 * exactly the environment compose and the Dockerfile give its container, translated only where one host is not
 * a network of containers:
 * <ul>
 *   <li>a compose host name in a value ({@code mongo:27017}) becomes 127.0.0.1 and the port where that service
 *       listens here; {@code parley.jar --store-only} stands in for mongo;</li>
 *   <li>{@code 0.0.0.0} becomes 127.0.0.1, each {@code *_PORT} a free port (every container has its own), and
 *       a container path for data a folder of this run;</li>
 *   <li>the cluster variables are added: containers find each other by multicast on their network, processes on
 *       one host join over TCP on loopback.</li>
 * </ul>
 */
final class ComposeTopology implements AutoCloseable {

  private static final Pattern HOST_PORT = Pattern.compile("\\b([a-z][a-z0-9-]*):(\\d+)\\b");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private final Path runDir;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ComposeTopology() throws IOException {
    runDir = Files.createTempDirectory("parley-compose-");
  }

  /** Starts the store and every service compose builds, and waits until each one's management /health is 200. */
  static ComposeTopology start(ComposeFile compose, Dockerfile dockerfile, Map<String, String> shell)
      throws Exception {
    ComposeTopology topology = new ComposeTopology();
    try {
      topology.startAll(compose, dockerfile, shell);
      return topology;
    } catch (Exception | AssertionError e) {
      topology.close();
      throw e;
    }
  }

  private void startAll(ComposeFile compose, Dockerfile dockerfile, Map<String, String> shell) throws Exception {
    int storePort = Ports.free();
    start("mongo", "parley", Map.of(StandaloneConfig.STORE_PORT, Integer.toString(storePort),
        CommonConfig.DATA_DIR, runDir.resolve("store").toString()), "--store-only");
    awaitPort(storePort, "the store");
    Map<String, String> hosts = Map.of("mongo:27017", "127.0.0.1:" + storePort);

    List<ComposeFile.Service> services = compose.built();
    int base = Ports.freeRun(services.size());
    List<String> members = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      members.add("127.0.0.1:" + (base + i));
    }
    String clusterName = "parley-compose-" + System.nanoTime();
    for (int i = 0; i < services.size(); i++) {
      ComposeFile.Service service = services.get(i);
      Map<String, String> env = new LinkedHashMap<>(dockerfile.env(service.target()));
      service.environment().forEach((key, value) -> env.put(key, ComposeFile.interpolate(value, shell)));
      env.replaceAll((key, value) -> translate(service.name(), key, value, hosts));
      env.put(ClusterConfig.CLUSTER_HOST, "127.0.0.1");
      env.put(ClusterConfig.CLUSTER_PORT, Integer.toString(base + i));
      env.put(ClusterConfig.CLUSTER_MEMBERS, String.join(",", members));
      env.put(ClusterConfig.CLUSTER_NAME, clusterName);
      environments.put(service.name(), env);
      start(service.name(), service.target(), env);
    }
    for (String service : environments.keySet()) {
      awaitHealthy(service);
    }
  }

  private String translate(String service, String key, String value, Map<String, String> hosts) {
    if (key.endsWith("_PORT")) {
      return Integer.toString(Ports.free());
    }
    if (value.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (key.equals(CommonConfig.DATA_DIR) && value.startsWith("/")) {
      return runDir.resolve(service).resolve(value.substring(1)).toString();
    }
    Matcher hostPort = HOST_PORT.matcher(value);
    StringBuilder translated = new StringBuilder();
    while (hostPort.find()) {
      String here = hosts.get(hostPort.group());
      if (here == null) {
        throw new AssertionError(service + "'s " + key + " names " + hostPort.group()
            + ", which no process stands for");
      }
      hostPort.appendReplacement(translated, here);
    }
    return hostPort.appendTail(translated).toString();
  }

  private void start(String name, String image, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-jar",
        ComposeFileTest.ROOT.resolve(ServiceKeys.jarOf(image)).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(runDir.resolve(name + ".log").toFile());
    // Nothing of this JVM's own Parley settings leaks in: the process gets compose's variables and no others.
    builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_") || key.startsWith("MONGO_"));
    builder.environment().putAll(env);
    processes.put(name, builder.start());
  }

  /** The environment a service was started with, after translation. */
  Map<String, String> environment(String service) {
    return environments.get(service);
  }

  int port(String service, String key) {
    return Integer.parseInt(environments.get(service).get(key));
  }

  String log(String service) {
    try {
      return Files.readString(runDir.resolve(service + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET on a service's management port: status and body. */
  HttpResponse<String> management(String service, String path) {
    int port = port(service, ManagementConfig.MANAGEMENT_PORT);
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void awaitHealthy(String service) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!processes.get(service).isAlive()) {
        throw new AssertionError(service + " exited:\n" + log(service));
      }
      try {
        if (management(service, "/health").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(service + " is not healthy on its management port:\n" + log(service));
  }

  private void awaitPort(int port, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError(what + " did not open port " + port);
  }

  @Override
  public void close() {
    List<Process> running = new ArrayList<>(processes.values());
    Collections.reverse(running);
    running.forEach(Process::destroy);
    for (Process process : running) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
