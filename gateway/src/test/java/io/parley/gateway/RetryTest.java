package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.auth.AuthVerticle;
import io.parley.contract.Actor;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatEndpoints;
import io.parley.contract.chat.DirectRoom;
import io.parley.contract.chat.DirectRoomRequest;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.RoomChange;
import io.parley.contract.chat.RoomDetail;
import io.parley.contract.chat.RoomList;
import io.parley.contract.chat.RoomPrefsChange;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.RoomService;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.TestStores;
import io.parley.presence.PresenceVerticle;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat-service instance that dies with a request leaves it unanswered. The gateway sends an idempotent request
 * again and answers the client as if nothing happened; a request that is not idempotent is never sent twice,
 * and the client is told to retry. Here a fake chat-service loses the first request of each kind it gets, behind
 * the real gateway, auth-service and presence-service.
 */
class RetryTest {

  private Vertx vertx;
  private EmbeddedStore store;
  private RestClient rest;
  private final LosingRooms rooms = new LosingRooms();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = TestStores.embedded();
    DeploymentOptions options = new DeploymentOptions().setConfig(new JsonObject()
        .put(CommonConfig.MONGO_URI, store.connectionString())
        .put(CommonConfig.DATA_DIR, TestStores.freshDataDir().toString())
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1")
        .put(GatewayConfig.HTTP_PORT, 0));
    Await.result(ChatEndpoints.bindRooms(new BusEndpoints(vertx.eventBus()), rooms).ready());
    Await.result(Future.all(vertx.deployVerticle(new AuthVerticle(), options),
        vertx.deployVerticle(new PresenceVerticle(), options)));
    GatewayVerticle gateway = new GatewayVerticle();
    Await.result(vertx.deployVerticle(gateway, options));
    rest = new RestClient(vertx, gateway.actualPort());
  }

  @AfterEach
  void stop() {
    rest.close();
    Await.result(vertx.close());
    store.close();
  }

  @Test
  void aReadLostOnceIsAnsweredAndACreationLostOnceIsNeverSentAgain() {
    String password = "retry passphrase 42";
    assertEquals(201, rest.post("/api/users", new JsonObject().put("username", "retrier").put("password", password))
        .status());
    JsonObject session = rest.post("/api/login", new JsonObject().put("username", "retrier")
        .put("password", password)).json();

    RestClient.Reply listed = rest.get("/api/rooms", token(session));
    assertEquals(200, listed.status(), listed.raw().bodyAsString());
    assertEquals(2, rooms.listed.get(), "the list was asked twice: lost once, then answered");

    RestClient.Reply created = rest.post("/api/rooms", token(session), new JsonObject().put("name", "once"));
    assertEquals(503, created.status());
    assertEquals("unavailable", created.code());
    assertEquals("2", created.header("Retry-After"));
    assertEquals(1, rooms.created.get(), "a creation is never sent twice");
  }

  /** chat-service's rooms, losing the first request of each kind as an instance that died with it would. */
  private static final class LosingRooms implements RoomService {

    final AtomicInteger listed = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();

    @Override
    public Future<RoomList> list(Actor actor) {
      return listed.incrementAndGet() == 1 ? lost() : Future.succeededFuture(new RoomList(List.of(), null));
    }

    @Override
    public Future<Room> create(Actor actor, NewRoom room) {
      created.incrementAndGet();
      return lost();
    }

    @Override
    public Future<RoomDetail> room(Actor actor, RoomRef room) {
      return lost();
    }

    @Override
    public Future<List<Room>> roomsOf(Actor actor) {
      return lost();
    }

    @Override
    public Future<List<RoomSummary>> readable(Actor actor) {
      return lost();
    }

    @Override
    public Future<DirectRoom> directRoom(Actor actor, DirectRoomRequest request) {
      return lost();
    }

    @Override
    public Future<Void> setLastRoom(Actor actor, RoomRef room) {
      return lost();
    }

    @Override
    public Future<Room> update(Actor actor, RoomChange change) {
      return lost();
    }

    @Override
    public Future<Room> setPrefs(Actor actor, RoomPrefsChange change) {
      return lost();
    }

    private static <T> Future<T> lost() {
      return Promise.<T>promise().future();
    }
  }
}
