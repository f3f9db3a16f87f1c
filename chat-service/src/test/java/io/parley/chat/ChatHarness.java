package io.parley.chat;

import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthEndpoints;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.model.Room;
import io.parley.contract.presence.PresenceEndpoints;
import io.parley.platform.CommonConfig;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * chat-service as its tests run it: the real verticle on an embedded store, with fake auth and presence services
 * bound on their addresses, driven through its typed client, and the events gateways would receive watched.
 */
final class ChatHarness {

  private ChatHarness() {
  }

  /** Binds the fakes and deploys {@code instances} chat-services with the given config over the defaults. */
  static ChatClient deploy(Vertx vertx, FakeAuth auth, FakePresence presence, String storeUri, JsonObject config,
      int instances) {
    BusEndpoints fakes = new BusEndpoints(vertx.eventBus());
    AuthEndpoints.bindAccounts(fakes, auth);
    AuthEndpoints.bindAdmin(fakes, auth);
    PresenceEndpoints.bind(fakes, presence);
    Await.result(fakes.ready());
    redeploy(vertx, storeUri, config, instances);
    return new ChatClient(new BusClient(vertx.eventBus()));
  }

  /** Deploys chat-services again, as processes starting on the store; answers the deployment's id. */
  static String redeploy(Vertx vertx, String storeUri, JsonObject config, int instances) {
    JsonObject merged = new JsonObject()
        .put(CommonConfig.MONGO_URI, storeUri)
        .put(CommonConfig.DATA_DIR, TestStores.freshDataDir().toString())
        .put(ChatConfig.GENERAL_ROOM, "")
        .mergeIn(config);
    return Await.result(vertx.deployVerticle(ChatVerticle::new, new DeploymentOptions().setConfig(merged)
        .setInstances(instances)));
  }

  /** A queue of the events published on an address, once its consumer is registered. */
  static BlockingQueue<JsonObject> watch(Vertx vertx, String address) {
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    Await.result(vertx.eventBus().<JsonObject>consumer(address, event -> events.add(event.body())).completion());
    return events;
  }

  /** The next event of this type, skipping others. */
  static JsonObject next(BlockingQueue<JsonObject> events, String type) throws InterruptedException {
    for (JsonObject event = events.poll(5, TimeUnit.SECONDS); event != null; event = events.poll(5, TimeUnit.SECONDS)) {
      if (type.equals(FrameTypes.of(event))) {
        return event;
      }
    }
    throw new AssertionError("no " + type + " event");
  }

  /** A new room made by {@code owner} ({@code type} null: public), its name made unique, the members joined. */
  static Room room(ChatClient chat, Actor owner, String name, String type, Actor... members) {
    Room room = Await.result(chat.create(owner, new NewRoom(name + "-" + owner.id(), null, type, null)));
    for (Actor member : members) {
      Await.result(chat.join(member, new RoomRef(room.id())));
    }
    return room;
  }

  /** One of the rooms of a member, as they see it. */
  static Room roomOf(ChatClient chat, Actor actor, String roomId) {
    return Await.result(chat.roomsOf(actor)).stream().filter(r -> r.id().equals(roomId)).findFirst().orElseThrow();
  }

  static ServiceError failure(Future<?> future) {
    return ServiceError.from(Await.failure(future));
  }
}
