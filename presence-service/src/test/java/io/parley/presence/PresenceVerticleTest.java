package io.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatEndpoints;
import io.parley.contract.chat.Invitation;
import io.parley.contract.chat.MembershipService;
import io.parley.contract.chat.RoomMember;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.frame.FrameEvents;
import io.parley.contract.model.Health;
import io.parley.contract.model.Room;
import io.parley.contract.presence.ConnectionEvent;
import io.parley.contract.presence.GatewayConnections;
import io.parley.contract.presence.Heartbeat;
import io.parley.contract.presence.PresenceClient;
import io.parley.contract.presence.PresenceOperations;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * presence-service on its own, fed the notices gateways publish and asked through its typed client.
 * chat-service's one answer it needs (a user's rooms) is given by a fake bound through {@link ChatEndpoints}, so
 * announcements can be watched on the room's address, as the frames gateways pass on.
 */
@ExtendWith(VertxExtension.class)
class PresenceVerticleTest {

  private static final String ROOM = "room-1";
  private static final String UNLUCKY = "u5";

  private final BlockingQueue<JsonObject> announced = new LinkedBlockingQueue<>();
  private BusClient bus;
  private PresenceClient presence;

  @BeforeEach
  void deploy(Vertx vertx) {
    Await.result(ChatEndpoints.bindMemberships(new BusEndpoints(vertx.eventBus()), new EveryoneInOneRoom()).ready());
    vertx.eventBus().<JsonObject>consumer(FrameEvents.room(ROOM).address(), event -> announced.add(event.body()));
    bus = new BusClient(vertx.eventBus());
    presence = new PresenceClient(bus);
    Await.result(vertx.deployVerticle(new PresenceVerticle()));
  }

  @Test
  void aGatewayThatStopsBeatingTakesItsUsersOfflineWithinTenSeconds() throws Exception {
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u1", "gw-dead", "c1"));
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-dead", 1));
    JsonObject online = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("online", online.getString("status"));
    assertEquals("u1", online.getString("userId"));
    assertEquals(Set.of("u1"), onlineAmongU1AndU2());

    long silentSince = System.currentTimeMillis();
    JsonObject offline = next("offline", 12);
    long after = System.currentTimeMillis() - silentSince;
    assertEquals("offline", offline.getString("status"));
    assertTrue(after <= 10_000, "offline after " + after + " ms");
    assertEquals(Set.of(), onlineAmongU1AndU2(), "nothing is kept of u1");
  }

  @Test
  void aCountThatDisagreesIsRepairedFromTheGatewaysOwnList(Vertx vertx) throws Exception {
    Map<String, String> connections = new LinkedHashMap<>();
    connections.put("a", "u2");
    connections.put("b", "u2");
    Await.result(new BusEndpoints(vertx.eventBus())
        .serveInternal(PresenceOperations.gatewayConnections("gw-2"),
            none -> Future.succeededFuture(new GatewayConnections("gw-2", connections)))
        .ready());
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-2", 2));

    JsonObject online = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("u2", online.getString("userId"));
    assertEquals("online", online.getString("status"));
    assertEquals(Set.of("u2"), onlineAmongU1AndU2());
    assertEquals(Map.of("gw-2", 2), Await.result(presence.connectionsPerGateway()));

    bus.publish(PresenceOperations.DISCONNECTED, new ConnectionEvent("u2", "gw-2", "a"));
    assertEquals(null, announced.poll(500, TimeUnit.MILLISECONDS), "u2 still has a connection");
    bus.publish(PresenceOperations.DISCONNECTED, new ConnectionEvent("u2", "gw-2", "b"));
    assertEquals("offline", next("offline", 5).getString("status"));
  }

  @Test
  void aChangeIsAnnouncedEvenWhenChatServiceFirstFailsToNameTheRooms() throws Exception {
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent(UNLUCKY, "gw-5", "c"));
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-5", 1));
    JsonObject online = announced.poll(10, TimeUnit.SECONDS);
    assertEquals(UNLUCKY, online.getString("userId"));
    assertEquals("online", online.getString("status"));
  }

  @Test
  void aChangeIsAnnouncedAgainWithTheStatusItHasThen() throws Exception {
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u3", "gw-3", "c"));
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-3", 1));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    long onlineAt = System.currentTimeMillis();

    JsonObject again = announced.poll(5, TimeUnit.SECONDS);
    long after = System.currentTimeMillis() - onlineAt;
    assertEquals("u3", again.getString("userId"));
    assertEquals("online", again.getString("status"));
    assertTrue(after >= PresenceAnnouncer.REANNOUNCE_MS - 500, "announced again after " + after + " ms");

    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u4", "gw-3", "d"));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    bus.publish(PresenceOperations.DISCONNECTED, new ConnectionEvent("u4", "gw-3", "d"));
    assertEquals("offline", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    // Both of u4's changes are announced again with what is true then: offline, never a stale online.
    JsonObject first = announced.poll(5, TimeUnit.SECONDS);
    JsonObject second = announced.poll(5, TimeUnit.SECONDS);
    assertEquals("offline", first.getString("status"));
    assertEquals("offline", second.getString("status"));
  }

  @Test
  void theClientIsAnsweredWhoIsOnlinePerGatewayAndThatTheServiceRuns() throws Exception {
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u5", "gw-5", "e"));
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u6", "gw-6", "f"));
    bus.publish(PresenceOperations.CONNECTED, new ConnectionEvent("u6", "gw-6", "g"));
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-5", 1));
    bus.publish(PresenceOperations.HEARTBEAT, new Heartbeat("gw-6", 2));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));
    assertEquals("online", announced.poll(5, TimeUnit.SECONDS).getString("status"));

    assertEquals(Set.of("u5", "u6"), Await.result(presence.everyoneOnline()));
    assertEquals(Set.of("u6"), Await.result(presence.online(List.of("u6", "nobody"))));
    assertEquals(Map.of("gw-5", 1, "gw-6", 2), Await.result(presence.connectionsPerGateway()));
    assertEquals(new Health(PresenceVerticle.SERVICE, "none"), Await.result(presence.health()));
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

  private Set<String> onlineAmongU1AndU2() {
    return Await.result(presence.online(List.of("u1", "u2")));
  }

  /** chat-service as presence-service needs it: every user is in {@link #ROOM}, and nothing else is asked. */
  private static final class EveryoneInOneRoom implements MembershipService {
    /** Users whose first lookup fails, as when the chat-service instance asked is being dropped. */
    private final Set<String> failOnce = new java.util.HashSet<>(Set.of(UNLUCKY));

    @Override
    public Future<List<String>> roomIdsOf(String userId) {
      if (failOnce.remove(userId)) {
        return Future.failedFuture(ServiceError.from(new IllegalStateException("instance gone")));
      }
      return Future.succeededFuture(List.of(ROOM));
    }

    @Override
    public Future<Room> join(Actor actor, RoomRef room) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> leave(Actor actor, RoomRef room) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Room> invite(Actor actor, Invitation invitation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<String>> roommates(Actor actor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> removeMember(Actor actor, RoomMember member) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Room> addOwner(Actor actor, RoomMember member) {
      throw new UnsupportedOperationException();
    }
  }
}
