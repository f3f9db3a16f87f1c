package io.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Addresses;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * presence-service on its own, fed the events gateways publish. chat-service's one answer it needs (a user's
 * rooms) is given here by a consumer on that address, so announcements can be watched on the room's address.
 */
@ExtendWith(VertxExtension.class)
class PresenceVerticleTest {

  private final BlockingQueue<JsonObject> announced = new LinkedBlockingQueue<>();

  @BeforeEach
  void deploy(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.CHAT_ROOM_IDS_OF_USER,
        request -> request.reply(new JsonObject().put("roomIds", new JsonArray().add("room-1"))));
    vertx.eventBus().<JsonObject>consumer(Addresses.roomEvents("room-1"), event -> announced.add(event.body()));
    Await.result(vertx.deployVerticle(new PresenceVerticle()));
  }

  @Test
  void aGatewayThatStopsBeatingTakesItsUsersOfflineWithinTenSeconds(Vertx vertx) throws Exception {
    vertx.eventBus().publish(Addresses.PRESENCE_CONNECTED, connection("gw-dead", "c1", "u1"));
    vertx.eventBus().publish(Addresses.PRESENCE_HEARTBEAT, new JsonObject().put("gatewayId", "gw-dead")
        .put("connections", 1));
    JsonObject online = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("online", online.getString("status"));
    assertEquals("u1", online.getString("userId"));
    assertEquals(new JsonArray().add("u1"), query(vertx).getJsonArray("online"));

    long silentSince = System.currentTimeMillis();
    JsonObject offline = next("offline", 12);
    long after = System.currentTimeMillis() - silentSince;
    assertEquals("offline", offline.getString("status"));
    assertTrue(after <= 10_000, "offline after " + after + " ms");
    assertEquals(new JsonObject().put("online", new JsonArray()), query(vertx), "nothing is kept of u1");
  }

  @Test
  void aCountThatDisagreesIsRepairedFromTheGatewaysOwnList(Vertx vertx) throws Exception {
    vertx.eventBus().<JsonObject>consumer(Addresses.gatewayConnections("gw-2"), request -> request.reply(
        new JsonObject().put("gatewayId", "gw-2").put("connections", new JsonArray()
            .add(new JsonObject().put("connectionId", "a").put("userId", "u2"))
            .add(new JsonObject().put("connectionId", "b").put("userId", "u2")))));
    vertx.eventBus().publish(Addresses.PRESENCE_HEARTBEAT, new JsonObject().put("gatewayId", "gw-2")
        .put("connections", 2));

    JsonObject online = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("u2", online.getString("userId"));
    assertEquals("online", online.getString("status"));
    assertEquals(new JsonArray().add("u2"), query(vertx).getJsonArray("online"));

    vertx.eventBus().publish(Addresses.PRESENCE_DISCONNECTED, connection("gw-2", "a", "u2"));
    assertEquals(null, announced.poll(500, TimeUnit.MILLISECONDS), "u2 still has a connection");
    vertx.eventBus().publish(Addresses.PRESENCE_DISCONNECTED, connection("gw-2", "b", "u2"));
    assertEquals("offline", next("offline", 5).getString("status"));
  }

  @Test
  void aChangeIsAnnouncedAgainWithTheStatusItHasThen(Vertx vertx) throws Exception {
    vertx.eventBus().publish(Addresses.PRESENCE_CONNECTED, connection("gw-3", "c", "u3"));
    vertx.eventBus().publish(Addresses.PRESENCE_HEARTBEAT, new JsonObject().put("gatewayId", "gw-3")
        .put("connections", 1));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    long onlineAt = System.currentTimeMillis();

    JsonObject again = announced.poll(5, TimeUnit.SECONDS);
    long after = System.currentTimeMillis() - onlineAt;
    assertEquals("u3", again.getString("userId"));
    assertEquals("online", again.getString("status"));
    assertTrue(after >= PresenceAnnouncer.REANNOUNCE_MS - 500, "announced again after " + after + " ms");

    vertx.eventBus().publish(Addresses.PRESENCE_CONNECTED, connection("gw-3", "d", "u4"));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    vertx.eventBus().publish(Addresses.PRESENCE_DISCONNECTED, connection("gw-3", "d", "u4"));
    assertEquals("offline", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    // Both of u4's changes are announced again with what is true then: offline, never a stale online.
    JsonObject first = announced.poll(5, TimeUnit.SECONDS);
    JsonObject second = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("offline", first.getString("status"));
    assertEquals("offline", second.getString("status"));
  }

  /** The next announcement with this status, skipping the repeats of earlier changes. */
  private JsonObject next(String status, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      JsonObject event = announced.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (event != null && status.equals(event.getString("status"))) {
        return event;
      }
    }
    return null;
  }

  private static JsonObject connection(String gatewayId, String connectionId, String userId) {
    return new JsonObject().put("gatewayId", gatewayId).put("connectionId", connectionId).put("userId", userId);
  }

  private static JsonObject query(Vertx vertx) {
    return Await.result(vertx.eventBus().<JsonObject>request(Addresses.PRESENCE_QUERY,
        new JsonObject().put("userIds", new JsonArray().add("u1").add("u2")))).body();
  }
}
