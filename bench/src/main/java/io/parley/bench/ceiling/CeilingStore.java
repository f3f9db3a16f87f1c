package io.parley.bench.ceiling;

import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;

/**
 * The persisting ceiling's store: Parley's embedded store in a data folder, reached through the same client Parley
 * uses, and one insert per message into {@code messages}. The naive persisting design: no batching, no change
 * log, no idempotency, no checkpoints; what one store round trip per message costs on this machine.
 */
final class CeilingStore {

  private final EmbeddedStore store;
  private final MongoClient mongo;

  private CeilingStore(EmbeddedStore store, MongoClient mongo) {
    this.store = store;
    this.mongo = mongo;
  }

  static CeilingStore open(Vertx vertx, Path dataDir) {
    EmbeddedStore store = EmbeddedStore.persistent(dataDir, 0);
    JsonObject config = new JsonObject().put(CommonConfig.MONGO_URI, store.connectionString());
    return new CeilingStore(store, MongoStore.client(vertx, config, "ceiling"));
  }

  Future<Void> insert(JsonObject message) {
    return mongo.insert("messages", new JsonObject().put("_id", message.getString("id"))
        .put("roomId", message.getString("roomId")).put("seq", message.getLong("seq"))
        .put("senderId", message.getJsonObject("sender").getString("id")).put("text", message.getString("text"))
        .put("clientMsgId", message.getString("clientMsgId")).put("createdAt", message.getString("createdAt")))
        .mapEmpty();
  }

  void close() {
    mongo.close();
    store.close();
  }
}
