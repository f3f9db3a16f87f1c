package io.parley.platform.embedded;

import io.parley.platform.CommonConfig;
import io.parley.platform.MongoStore;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.function.Function;

/** A MongoDB client of a store under test, for the length of one piece of work. */
final class StoreClients {

  private StoreClients() {
  }

  static void withClient(Vertx vertx, String uri, Function<MongoClient, Future<?>> work) {
    MongoClient mongo = MongoStore.client(vertx, new JsonObject().put(CommonConfig.MONGO_URI, uri)
        .put(CommonConfig.MONGO_DB, "parley"), "store-test-" + System.nanoTime());
    try {
      Await.result(work.apply(mongo), 120);
    } finally {
      Await.result(mongo.close());
    }
  }
}
