package io.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.ClusterConfig;
import io.parley.platform.CommonConfig;
import io.parley.testing.Ports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service process that cannot start says why in one line and exits 1, as a container's restart policy needs. */
class ServiceStartFailureTest {

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @Test
  void aServiceWhoseStoreDoesNotAnswerExitsWithOne() throws Exception {
    int clusterPort = Ports.freeRun(1);
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-Xmx256m", "-jar",
        ComposeFileTest.ROOT.resolve(ServiceKeys.jarOf("chat-service")).toString()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_") || key.startsWith("MONGO_"));
    builder.environment().put(CommonConfig.MONGO_URI, "mongodb://127.0.0.1:9");
    builder.environment().put(ClusterConfig.CLUSTER_HOST, "127.0.0.1");
    builder.environment().put(ClusterConfig.CLUSTER_PORT, Integer.toString(clusterPort));
    builder.environment().put(ClusterConfig.CLUSTER_MEMBERS, "127.0.0.1:" + clusterPort);
    builder.environment().put(ClusterConfig.CLUSTER_NAME, "parley-start-failure-" + System.nanoTime());
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the process ends by itself");
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, process.exitValue(), output);
      List<String> said = output.lines().filter(line -> line.contains("chat-service failed to start")).toList();
      assertEquals(1, said.size(), output);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aServiceGivenAnImpossibleClusterSettingSaysWhichAndExitsWithOne() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-Xmx256m", "-jar",
        ComposeFileTest.ROOT.resolve(ServiceKeys.jarOf("search-service")).toString()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_") || key.startsWith("MONGO_"));
    builder.environment().put(ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS, "1");
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends by itself");
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, process.exitValue(), output);
      assertEquals(List.of("search-service failed to start: " + ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS
          + " must be a whole number from 2 to 300, not '1'"), output.lines()
          .filter(line -> line.contains("failed to start")).map(line -> line.substring(line.indexOf("search-service")))
          .toList(), output);
    } finally {
      process.destroyForcibly();
    }
  }
}
