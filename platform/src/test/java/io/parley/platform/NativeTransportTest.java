package io.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On Linux, Parley's Vert.x runs on epoll, and the store's client uses Vert.x's event loops, not loops of its own. */
class NativeTransportTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private Vertx vertx;

  @AfterEach
  void close() {
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  @Test
  void vertxAndTheStoreClientShareTheNativeEventLoops() {
    assumeTrue(Epoll.isAvailable(), "epoll is available on Linux only");
    vertx = VertxFactory.local();
    long driverLoopsBefore = driverLoopThreads();

    MongoClient mongo = MongoStore.client(vertx, new JsonObject()
        .put(CommonConfig.MONGO_URI, STORE.connectionString()).put(CommonConfig.MONGO_DB, "transport"), "transport");
    Await.result(MongoStore.ping(mongo));
    Await.result(mongo.insert("things", new JsonObject().put("_id", "a")));

    assertTrue(vertx.isNativeTransportEnabled());
    assertEquals(1, Await.result(mongo.count("things", new JsonObject())));
    assertEquals("transport", Await.result(mongo.runCommand("dbStats", new JsonObject().put("dbStats", 1)))
        .getString("db"), "the configured database");
    assertEquals(driverLoopsBefore, driverLoopThreads(), "the driver started event loops of its own");
    Await.result(mongo.close());
  }

  /** The threads of the event loops the MongoDB driver makes when it is given none. */
  private static long driverLoopThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("nioEventLoopGroup")).count();
  }
}
