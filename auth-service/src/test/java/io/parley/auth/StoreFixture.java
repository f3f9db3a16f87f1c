package io.parley.auth;

import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/** A fresh embedded store and a client of it, for one test class. */
public final class StoreFixture implements AutoCloseable {

  private final EmbeddedStore store = TestStores.embedded();
  private final MongoClient mongo;

  public StoreFixture(Vertx vertx) {
    mongo = MongoStore.client(vertx, new JsonObject().put(CommonConfig.MONGO_URI, store.connectionString()),
        "auth-test-" + store.port());
  }

  public MongoClient mongo() {
    return mongo;
  }

  @Override
  public void close() {
    mongo.close();
    store.close();
  }
}
