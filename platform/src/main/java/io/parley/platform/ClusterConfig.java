package io.parley.platform;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a service process joins the Parley cluster. PARLEY_CLUSTER_HOST is the address to bind and advertise
 * (Hazelcast and the event bus); PARLEY_CLUSTER_MEMBERS lists {@code host[:port]} to join over TCP, and when
 * it is empty members find each other by multicast, as on a compose network.
 */
public final class ClusterConfig {

  public static final String CLUSTER_HOST = "PARLEY_CLUSTER_HOST";
  public static final String CLUSTER_MEMBERS = "PARLEY_CLUSTER_MEMBERS";
  public static final String CLUSTER_PORT = "PARLEY_CLUSTER_PORT";
  public static final String CLUSTER_NAME = "PARLEY_CLUSTER_NAME";
  /** Without a heartbeat for this long a member is dropped; one that crashed is dropped sooner (below). */
  public static final String HEARTBEAT_TIMEOUT_SECONDS = "PARLEY_CLUSTER_HEARTBEAT_TIMEOUT_SECONDS";
  /** Every key this class reads. */
  public static final List<String> KEYS = List.of(CLUSTER_HOST, CLUSTER_MEMBERS, CLUSTER_PORT, CLUSTER_NAME,
      HEARTBEAT_TIMEOUT_SECONDS);

  static final int DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 3;
  /** Heartbeats go every second: a shorter timeout would drop members that only missed one. */
  private static final int SHORTEST_HEARTBEAT_TIMEOUT_SECONDS = 2;

  private final String host;
  private final List<String> members;
  private final int port;
  private final String clusterName;
  private final int heartbeatTimeoutSeconds;

  private ClusterConfig(String host, List<String> members, int port, String clusterName,
      int heartbeatTimeoutSeconds) {
    this.host = host;
    this.members = members;
    this.port = port;
    this.clusterName = clusterName;
    this.heartbeatTimeoutSeconds = heartbeatTimeoutSeconds;
  }

  public static ClusterConfig fromEnvironment(Map<String, String> env) {
    String host = env.getOrDefault(CLUSTER_HOST, "").trim();
    List<String> members = Arrays.stream(env.getOrDefault(CLUSTER_MEMBERS, "").split(","))
        .map(String::trim)
        .filter(member -> !member.isEmpty())
        .toList();
    int port = wholeNumber(env, CLUSTER_PORT, 5701, 1, 65535);
    String name = env.getOrDefault(CLUSTER_NAME, "parley").trim();
    int heartbeatTimeout = wholeNumber(env, HEARTBEAT_TIMEOUT_SECONDS, DEFAULT_HEARTBEAT_TIMEOUT_SECONDS,
        SHORTEST_HEARTBEAT_TIMEOUT_SECONDS, 300);
    return new ClusterConfig(host, members, port, name, heartbeatTimeout);
  }

  /**
   * A setting that must be a whole number within bounds, refused otherwise with a message that names it (an
   * IllegalStateException, as ManagementConfig refuses its port: StartupFailure prints such a message alone).
   */
  private static int wholeNumber(Map<String, String> env, String key, int byDefault, int least, int most) {
    String value = env.getOrDefault(key, "").trim();
    if (value.isEmpty()) {
      return byDefault;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= least && number <= most) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below, as a number out of bounds is
    }
    throw new IllegalStateException(key + " must be a whole number from " + least + " to " + most + ", not '"
        + value + "'");
  }

  public Config hazelcast() {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // A crashed member's connections are refused at once and it is dropped within a second; a frozen one, or
    // one whose host vanished, once its heartbeats stop for the timeout (3 s by default). Heartbeats go every
    // second on their own thread; a host too busy to send them in time needs a longer timeout (docs/OPERATIONS.md).
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(heartbeatTimeoutSeconds));
    // Forming: the master takes join requests after 1 s of quiet (default 5, stretched up to 20 while members
    // keep arriving), and a member that finds no master claims mastership after 1 s (default 5).
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
    // Members that started apart and formed two clusters merge after 10 s instead of 5 minutes.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    if (members.isEmpty()) {
      join.getTcpIpConfig().setEnabled(false);
      join.getMulticastConfig().setEnabled(true).setMulticastTimeoutSeconds(1);
    } else {
      join.getMulticastConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(1);
    }
    if (!host.isEmpty()) {
      config.getNetworkConfig().setPublicAddress(host);
      config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(host);
      config.setProperty("hazelcast.socket.bind.any", "false");
    }
    return config;
  }

  public VertxOptions vertxOptions() {
    VertxOptions options = new VertxOptions();
    if (!host.isEmpty()) {
      options.getEventBusOptions().setHost(host).setClusterPublicHost(host);
    }
    return options;
  }
}
