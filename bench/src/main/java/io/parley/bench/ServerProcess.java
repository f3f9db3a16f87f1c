package io.parley.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test, run as a separate JVM so its CPU and memory can be read from /proc: the ceiling (this
 * jar's {@code ceiling} command) or Parley standalone ({@code java -jar standalone/target/parley.jar}) on a
 * fresh data folder, configured for benchmarks.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern STORE_URI = Pattern.compile("embedded store on (mongodb://\\S+)");

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private Path dataDir;
  private int managementPort;

  private ServerProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The ceiling in a child JVM, with this JVM's class path; persisting, on a fresh data folder under workDir. */
  public static ServerProcess ceiling(BenchOptions options, Path workDir, boolean persisting) throws IOException {
    int port = freePort();
    String name = persisting ? "persisting" : "ceiling";
    List<String> command = java(options, workDir, name);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), "ceiling",
        "--port=" + port));
    Path dataDir = null;
    if (persisting) {
      dataDir = Files.createTempDirectory(workDir, BenchContext.DATA_FOLDER_PREFIX);
      command.add("--store=" + dataDir);
    }
    ServerProcess server = start(name, command, Map.of(), port, workDir);
    server.dataDir = dataDir;
    return server;
  }

  /** Parley standalone in a child JVM, on a fresh data folder under {@code workDir}. */
  public static ServerProcess parley(BenchOptions options, Path workDir) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    Path dataDir = Files.createTempDirectory(workDir, BenchContext.DATA_FOLDER_PREFIX);
    List<String> command = java(options, workDir, "parley");
    command.addAll(List.of("-jar", linkedJar(parleyJar(options), workDir).toString()));
    ServerProcess server = start("parley", command,
        BenchServerSettings.environment(options, port, managementPort, dataDir), port, workDir);
    server.dataDir = dataDir;
    server.managementPort = managementPort;
    return server;
  }

  /**
   * The jar through a link in the work folder, so that the server under test is not among the processes that
   * tooling on a shared machine stops by the name {@code parley.jar}.
   */
  private static Path linkedJar(Path jar, Path workDir) throws IOException {
    Path link = workDir.resolve("server-under-test.jar");
    Files.deleteIfExists(link);
    return Files.createSymbolicLink(link, jar.toAbsolutePath());
  }

  private static List<String> java(BenchOptions options, Path workDir, String name) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags = options.string("server-jvm", BenchServerSettings.DEFAULT_SERVER_JVM).trim();
    if (!flags.isEmpty()) {
      command.addAll(Arrays.asList(flags.split("\\s+")));
    }
    if (options.has("jfr")) {
      Path recording = workDir.resolve(name + ".jfr").toAbsolutePath();
      command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
    }
    return command;
  }

  private static ServerProcess start(String name, List<String> command, Map<String, String> env, int port,
      Path workDir) throws IOException {
    Path log = workDir.resolve(name + "-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("MONGO_URI");
    builder.environment().putAll(env);
    Process process = builder.start();
    // A load generator stopped by a signal or a timeout must not leave its server running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stopper"));
    ServerProcess server = new ServerProcess(name, process, port, log);
    server.awaitHealthy(Duration.ofSeconds(90));
    return server;
  }

  /** Where the Parley jar is: {@code --parley-jar}, or standalone/target/parley.jar near here. */
  static Path parleyJar(BenchOptions options) {
    if (options.has("parley-jar")) {
      return Path.of(options.string("parley-jar", ""));
    }
    List<Path> candidates = new ArrayList<>(List.of(Path.of("standalone/target/parley.jar"),
        Path.of("../standalone/target/parley.jar")));
    Path self = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
        .toAbsolutePath();
    if (self.getParent() != null && self.getParent().getParent() != null) {
      candidates.add(self.getParent().getParent().getParent().resolve("standalone/target/parley.jar"));
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
        new IllegalStateException("standalone/target/parley.jar not found: build it, or pass --parley-jar="));
  }

  private void awaitHealthy(Duration timeout) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      Await.sleep(200);
    }
    close();
    throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s:\n" + tail());
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public String host() {
    return "127.0.0.1";
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Heap in use, from the management port's {@code /metrics} where Parley serves them (since they left the public
   * port), else from the public port's (an older Parley, the ceiling).
   */
  public long heapBytes() {
    long managed = managementPort > 0 ? ServerStats.heapBytes("http://127.0.0.1:" + managementPort) : -1;
    return managed > 0 ? managed : ServerStats.heapBytes(baseUrl());
  }

  /** Parley's data folder (PARLEY_DATA_DIR), or the persisting ceiling's; null for the bare ceiling. */
  public Path dataDir() {
    return dataDir;
  }

  /** Parley's embedded store, as its log announces it. */
  public String storeUri() throws IOException {
    Matcher matcher = STORE_URI.matcher(Files.readString(log));
    if (!matcher.find()) {
      throw new IllegalStateException("the Parley log names no embedded store");
    }
    return matcher.group(1);
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** Stops the server (SIGTERM, so a flight recording is written), forcibly after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
