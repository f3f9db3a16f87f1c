package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.ClusterConfig;
import io.parley.platform.VertxFactory;
import io.parley.testing.Await;
import io.parley.testing.Ports;
import io.parley.testing.SocketClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Vert.x nodes in one Hazelcast cluster: node A runs the services and gateway A, node B runs only gateway B.
 * People on different gateways talk, type and see each other come and go, as in a scaled-out deployment.
 */
class TwoGatewaysTest {

  private static Vertx nodeA;
  private static Vertx nodeB;
  private static ParleyStack parley;
  private static int gatewayB;

  @BeforeAll
  static void formCluster() {
    int port = Ports.freeRun(2);
    String members = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1);
    String name = "parley-test-" + System.nanoTime();
    nodeA = Await.result(VertxFactory.clustered(cluster(port, members, name)), 60);
    nodeB = Await.result(VertxFactory.clustered(cluster(port + 1, members, name)), 60);
    parley = ParleyStack.start(nodeA);
    GatewayVerticle second = new GatewayVerticle();
    Await.result(nodeB.deployVerticle(second, new DeploymentOptions().setConfig(new JsonObject()
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1").put(GatewayConfig.HTTP_PORT, 0))), 60);
    gatewayB = second.actualPort();
  }

  private static ClusterConfig cluster(int port, String members, String name) {
    return ClusterConfig.fromEnvironment(Map.of(
        ClusterConfig.CLUSTER_HOST, "127.0.0.1",
        ClusterConfig.CLUSTER_PORT, Integer.toString(port),
        ClusterConfig.CLUSTER_MEMBERS, members,
        ClusterConfig.CLUSTER_NAME, name));
  }

  @AfterAll
  static void stop() {
    parley.close();
    Await.result(nodeB.close(), 30);
    Await.result(nodeA.close(), 30);
  }

  @Test
  void peopleOnDifferentGatewaysTalkTypeAndSeeEachOther() {
    JsonObject alice = parley.newUser("alice");
    JsonObject bob = parley.newUser("bob");
    String roomId = parley.sharedRoom(alice, bob);

    SocketClient onA = parley.socket(alice);
    SocketClient onB = SocketClient.authenticated(nodeB, gatewayB, token(bob));
    JsonObject bobOnline = onA.next(f -> "presence".equals(f.getString("type"))
        && userId(bob).equals(f.getString("userId")), 10_000);
    assertEquals("online", bobOnline.getString("status"));

    onA.send(new JsonObject().put("type", "message").put("roomId", roomId).put("text", "from A"));
    assertEquals("from A", onB.next("message").getJsonObject("message").getString("text"));
    onB.send(new JsonObject().put("type", "message").put("ref", "b").put("roomId", roomId).put("text", "from B"));
    assertEquals("b", onB.next("ack").getString("ref"));
    assertTrue(onA.next(f -> "message".equals(f.getString("type"))
        && "from B".equals(f.getJsonObject("message").getString("text")), 5_000) != null);

    onB.send(new JsonObject().put("type", "typing_start").put("roomId", roomId));
    assertEquals(userId(bob), onA.next("typing").getString("userId"));

    onB.close();
    JsonObject bobOffline = onA.next(f -> "presence".equals(f.getString("type"))
        && "offline".equals(f.getString("status")), 10_000);
    assertEquals(userId(bob), bobOffline.getString("userId"));
    onA.close();
  }
}
