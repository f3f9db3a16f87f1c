package io.parley.chat.timeline;

import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/** Inserts that may be repeated: applying a journal entry again, or late, writes what is there already. */
final class Inserts {

  private Inserts() {
  }

  static Future<Void> once(MongoClient mongo, String collection, JsonObject doc) {
    return mongo.insert(collection, doc).<Void>mapEmpty().recover(failure ->
        MongoStore.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
  }
}
