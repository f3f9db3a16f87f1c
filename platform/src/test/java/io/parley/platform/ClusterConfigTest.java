package io.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

  @Test
  void membersMeanTcpJoinOnTheGivenHost() {
    Config config = ClusterConfig.fromEnvironment(Map.of(
        ClusterConfig.CLUSTER_HOST, "127.0.0.1",
        ClusterConfig.CLUSTER_MEMBERS, "127.0.0.1:5701, 127.0.0.1:5702")).hazelcast();

    assertTrue(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled());
    assertFalse(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"),
        config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    assertEquals("127.0.0.1", config.getNetworkConfig().getPublicAddress());
  }

  @Test
  void noMembersMeansMulticast() {
    Config config = ClusterConfig.fromEnvironment(Map.of()).hazelcast();

    assertTrue(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    assertFalse(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled());
  }

  @Test
  void aSilentMemberIsDroppedWithinSecondsAndJoinsAreNotHeldBack() {
    Config config = ClusterConfig.fromEnvironment(Map.of(ClusterConfig.CLUSTER_MEMBERS, "127.0.0.1:5701")).hazelcast();

    assertEquals("1", config.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("3", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals("1", config.getProperty("hazelcast.wait.seconds.before.join"));
    assertEquals(1, config.getNetworkConfig().getJoin().getTcpIpConfig().getConnectionTimeoutSeconds());
  }

  @Test
  void theHeartbeatTimeoutMayBeLongerOnABusyHostButNotShorterThanTwoBeats() {
    Config config = ClusterConfig.fromEnvironment(Map.of(ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS, " 15 ")).hazelcast();
    assertEquals("15", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
    assertEquals("1", config.getProperty("hazelcast.heartbeat.interval.seconds"));

    for (String refused : List.of("1", "0", "-3", "2.5", "ten", "301", "99999999999")) {
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> ClusterConfig.fromEnvironment(Map.of(ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS, refused)), refused);
      assertTrue(thrown.getMessage().startsWith(ClusterConfig.HEARTBEAT_TIMEOUT_SECONDS + " must be"), refused);
    }
    assertThrows(IllegalStateException.class,
        () -> ClusterConfig.fromEnvironment(Map.of(ClusterConfig.CLUSTER_PORT, "port")));
  }
}
