package io.parley.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded store speaks to vertx-mongo-client and reports duplicate keys as MongoDB does. */
@ExtendWith(VertxExtension.class)
class MongoStoreTest {

  private static EmbeddedStore store;

  @BeforeAll
  static void startStore() {
    store = TestStores.embedded();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Test
  void duplicateKeysAreRecognised(Vertx vertx) throws Exception {
    MongoClient mongo = MongoStore.client(vertx,
        new JsonObject().put(CommonConfig.MONGO_URI, store.connectionString()), "test");
    MongoStore.ping(mongo).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    mongo.createIndexWithOptions("things", new JsonObject().put("key", 1), new IndexOptions().unique(true))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    mongo.insert("things", new JsonObject().put("_id", "a").put("key", "k"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Throwable sameId = mongo.insert("things", new JsonObject().put("_id", "a").put("key", "other"))
        .toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).get(10, TimeUnit.SECONDS);
    Throwable sameKey = mongo.insert("things", new JsonObject().put("_id", "b").put("key", "k"))
        .toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).get(10, TimeUnit.SECONDS);

    assertTrue(MongoStore.isDuplicateKey(sameId));
    assertTrue(MongoStore.isDuplicateKey(sameKey));
    assertFalse(MongoStore.isDuplicateKey(new RuntimeException("something else")));
  }
}
