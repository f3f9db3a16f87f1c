package io.parley.platform.embedded;

import static io.parley.platform.embedded.StoreClients.withClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store killed between two checkpoints of its file comes back, from the file and its log, with every change it
 * answered: inserts, updates that move a unique key, removals, a collection created since, and unique indexes that
 * agree with the documents. A store closed cleanly leaves nothing to replay.
 */
class StoreLogReplayTest {

  private static final String THINGS = "things";
  private Vertx vertx;
  private Path dir;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    dir = TestStores.freshDataDir();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void aStoreKilledBetweenCheckpointsComesBackWithEveryAnsweredChange() {
    try (ServedStore store = ServedStore.withoutTimedCheckpoints(file("parley-store.mv.db"))) {
      withClient(vertx, store.uri(), mongo -> mongo.createIndexWithOptions(THINGS, new JsonObject().put("key", 1),
              new IndexOptions().unique(true))
          .compose(indexed -> Future.all(IntStream.range(0, 10).mapToObj(i -> mongo.insert(THINGS,
              new JsonObject().put("_id", "t" + i).put("key", "k" + i).put("n", 0))).toList()))
          // A new index makes the store commit its file: the changes after it are in the log only.
          .compose(inserted -> mongo.createIndex(THINGS, new JsonObject().put("n", 1)))
          .compose(checkpointed -> mongo.insert(THINGS, new JsonObject().put("_id", "t10").put("key", "k10")))
          .compose(inserted -> mongo.updateCollection(THINGS, new JsonObject().put("_id", "t1"),
              new JsonObject().put("$set", new JsonObject().put("key", "k1-moved").put("n", 1))))
          .compose(updated -> mongo.removeDocument(THINGS, new JsonObject().put("_id", "t2")))
          .compose(removed -> mongo.insert("fresh", new JsonObject().put("_id", "f1")))
          .map(last -> KilledStore.copy(Path.of(file("parley-store.mv.db")), Path.of(file("killed.mv.db")))));
    }
    assertEquals(10, documentsInFileAlone("killed.mv.db"), "the file has the first ten; the rest is in the log");
    assertFalse(closedCleanly("killed.mv.db"), "a killed store's file says it was open");

    try (ServedStore left = ServedStore.open(file("killed.mv.db"))) {
      withClient(vertx, left.uri(), mongo -> mongo.count(THINGS, new JsonObject())
          .map(count -> {
            assertEquals(10, count, "eleven inserted, one removed");
            return count;
          })
          .compose(counted -> keyOf(mongo, "t1"))
          .map(key -> {
            assertEquals("k1-moved", key);
            return key;
          })
          .compose(checked -> mongo.findOne(THINGS, new JsonObject().put("key", "k10"), null))
          .map(found -> {
            assertEquals("t10", found.getString("_id"), "found through the rebuilt unique index");
            return found;
          })
          .compose(checked -> mongo.count("fresh", new JsonObject()))
          .map(fresh -> {
            assertEquals(1, fresh, "the collection created after the last checkpoint");
            return fresh;
          })
          .compose(checked -> mongo.insert(THINGS, new JsonObject().put("_id", "t98").put("key", "k1-moved"))
              .map(id -> false).recover(duplicate -> Future.succeededFuture(true)))
          .map(refused -> {
            assertTrue(refused, "the moved key is still taken");
            return refused;
          })
          .compose(checked -> Future.all(List.of(
              mongo.insert(THINGS, new JsonObject().put("_id", "t97").put("key", "k1")),
              mongo.insert(THINGS, new JsonObject().put("_id", "t96").put("key", "k2"))))));
    }
  }

  @Test
  void aStoreClosedCleanlyLeavesNothingToReplay() {
    try (ServedStore store = ServedStore.withoutTimedCheckpoints(file("parley-store.mv.db"))) {
      withClient(vertx, store.uri(), mongo -> Future.all(IntStream.range(0, 20)
          .mapToObj(i -> mongo.insert(THINGS, new JsonObject().put("_id", "c" + i))).toList()));
    }
    assertEquals(20, documentsInFileAlone("parley-store.mv.db"));
    assertTrue(closedCleanly("parley-store.mv.db"));
    MVStore file = MVStore.open(file("parley-store.mv.db"));
    try {
      Path log = KilledStore.logOf(Path.of(file("parley-store.mv.db")));
      assertEquals(0, LogReplay.read(log, LogCheckpoints.replayFrom(file)).records());
      assertEquals(1, LogSegments.list(log).size(), "the covered segments are dropped");
    } finally {
      file.close();
    }
  }

  private static Future<String> keyOf(MongoClient mongo, String id) {
    return mongo.findOne(THINGS, new JsonObject().put("_id", id), null).map(found -> found.getString("key"));
  }

  /** How many documents of {@code things} the store file holds without its log. */
  private long documentsInFileAlone(String name) {
    MVStore file = MVStore.open(file(name));
    try {
      String map = StoredCollection.documentsMapName("parley." + THINGS);
      return file.hasMap(map) ? StoredCollection.openDocuments(file, map).sizeAsLong() : 0;
    } finally {
      file.closeImmediately();
    }
  }

  private boolean closedCleanly(String name) {
    MVStore file = MVStore.open(file(name));
    try {
      return LogCheckpoints.closedCleanly(file);
    } finally {
      file.closeImmediately();
    }
  }

  private String file(String name) {
    return dir.resolve(name).toAbsolutePath().toString();
  }
}
