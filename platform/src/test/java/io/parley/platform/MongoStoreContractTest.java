package io.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.parley.testing.Await;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Parley relies on from its store, written once and run on the embedded server and on real MongoDB: the
 * embedded store must behave as MongoDB does for every operation the services use.
 */
@ExtendWith(VertxExtension.class)
abstract class MongoStoreContractTest {

  /** The connection string of the store under test. */
  abstract String connectionString();

  private MongoClient client(Vertx vertx) {
    return MongoStore.client(vertx, new JsonObject().put(CommonConfig.MONGO_URI, connectionString())
        .put(CommonConfig.MONGO_DB, "contract" + System.nanoTime()), "test-" + System.nanoTime());
  }

  @Test
  void duplicateKeysAreRecognised(Vertx vertx) throws Exception {
    MongoClient mongo = client(vertx);
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

  @Test
  void compareAndSetOnNestedKeysAndConditionalCounters(Vertx vertx) {
    MongoClient mongo = client(vertx);
    Await.result(mongo.insert("journal", new JsonObject().put("_id", "r").put("version", 0L)
        .put("pending", new JsonObject())));

    JsonObject firstSet = new JsonObject().put("$set", new JsonObject().put("version", 1L)
        .put("pending.1", new JsonObject().put("kind", "create")));
    assertEquals(1L, Await.result(mongo.updateCollection("journal",
        new JsonObject().put("_id", "r").put("version", 0L), firstSet)).getDocMatched());
    assertEquals(0L, Await.result(mongo.updateCollection("journal",
        new JsonObject().put("_id", "r").put("version", 0L), firstSet)).getDocMatched(),
        "a stale version matches nothing");

    JsonObject secondSet = new JsonObject()
        .put("$set", new JsonObject().put("version", 2L).put("pending.2", new JsonObject().put("kind", "update")))
        .put("$unset", new JsonObject().put("pending.1", ""));
    Await.result(mongo.updateCollection("journal", new JsonObject().put("_id", "r").put("version", 1L), secondSet));
    JsonObject journal = Await.result(mongo.findOne("journal", new JsonObject().put("_id", "r"), null));
    assertEquals(2L, journal.getLong("version"));
    assertEquals(java.util.Set.of("2"), journal.getJsonObject("pending").fieldNames());

    Await.result(mongo.insert("rooms", new JsonObject().put("_id", "room").put("members", 1).put("cap", 2)));
    JsonObject takePlace = new JsonObject().put("_id", "room").put("members", new JsonObject().put("$lt", 2));
    JsonObject inc = new JsonObject().put("$inc", new JsonObject().put("members", 1));
    assertEquals(1L, Await.result(mongo.updateCollection("rooms", takePlace, inc)).getDocMatched());
    assertEquals(0L, Await.result(mongo.updateCollection("rooms", takePlace, inc)).getDocMatched(),
        "a full room takes no one else");

    Await.result(mongo.insert("marks", new JsonObject().put("_id", "m").put("seq", 5L)));
    Await.result(mongo.updateCollection("marks", new JsonObject().put("_id", "m"),
        new JsonObject().put("$max", new JsonObject().put("seq", 3L))));
    assertEquals(5L, Await.result(mongo.findOne("marks", new JsonObject().put("_id", "m"), null)).getLong("seq"),
        "$max never moves back");

    for (int i = 1; i <= 5; i++) {
      Await.result(mongo.insert("messages", new JsonObject().put("_id", "r-" + i).put("seq", i)));
    }
    assertEquals(3, Await.result(mongo.find("messages", new JsonObject().put("_id",
        new JsonObject().put("$in", new io.vertx.core.json.JsonArray().add("r-2").add("r-4").add("r-5")
            .add("r-9"))))).size());
  }

  @Test
  void anOrderedInsertManyStopsAtItsFirstDuplicateAndSaysWhere(Vertx vertx) {
    MongoClient mongo = client(vertx);
    Await.result(mongo.createIndexWithOptions("changes", new JsonObject().put("key", 1),
        new IndexOptions().unique(true).sparse(true).name("key_unique")));
    Await.result(mongo.insert("changes", new JsonObject().put("_id", "r-2").put("key", "k2")));

    Throwable stopped = Await.failure(mongo.bulkWriteWithOptions("changes", List.of(
        BulkOperation.createInsert(new JsonObject().put("_id", "r-1")),
        BulkOperation.createInsert(new JsonObject().put("_id", "r-2")),
        BulkOperation.createInsert(new JsonObject().put("_id", "r-3"))), new BulkWriteOptions(true)));
    assertEquals(List.of(1), MongoStore.bulkErrors(stopped).stream().map(MongoStore.BulkError::index).toList());
    assertTrue(MongoStore.bulkErrors(stopped).get(0).duplicateKey());
    assertEquals(List.of("r-1", "r-2"), ids(mongo, "changes"), "nothing after the duplicate is written");

    Throwable keyTaken = Await.failure(mongo.bulkWriteWithOptions("changes", List.of(
        BulkOperation.createInsert(new JsonObject().put("_id", "r-3").put("key", "k3")),
        BulkOperation.createInsert(new JsonObject().put("_id", "r-4").put("key", "k2"))), new BulkWriteOptions(true)));
    MongoStore.BulkError second = MongoStore.bulkErrors(keyTaken).get(0);
    assertEquals(1, second.index());
    assertTrue(second.duplicateKey(), "a second unique index refuses as _id does");
    assertEquals("r-2", Await.result(mongo.findOne("changes", new JsonObject().put("key", "k2"), null))
        .getString("_id"), "found by its sparse unique key");
    assertEquals(List.of("r-1", "r-2", "r-3"), ids(mongo, "changes"), "documents without the key never conflict");
    assertTrue(MongoStore.bulkErrors(new RuntimeException("not a bulk write")).isEmpty());
  }

  @Test
  void anUnorderedInsertManyWritesAllButItsDuplicatesAndBulkUpdatesApplyInOrder(Vertx vertx) {
    MongoClient mongo = client(vertx);
    Await.result(mongo.insert("messages", new JsonObject().put("_id", "m-2").put("v", 2L)));

    Throwable some = Await.failure(mongo.bulkWriteWithOptions("messages", List.of(
        BulkOperation.createInsert(new JsonObject().put("_id", "m-1").put("v", 1L)),
        BulkOperation.createInsert(new JsonObject().put("_id", "m-2").put("v", 2L)),
        BulkOperation.createInsert(new JsonObject().put("_id", "m-3").put("v", 3L))), new BulkWriteOptions(false)));
    assertEquals(List.of(1), MongoStore.bulkErrors(some).stream().map(MongoStore.BulkError::index).toList());
    assertEquals(List.of("m-1", "m-2", "m-3"), ids(mongo, "messages"));

    JsonObject older4 = new JsonObject().put("_id", "m-1").put("v", new JsonObject().put("$lt", 4L));
    JsonObject older5 = new JsonObject().put("_id", "m-1").put("v", new JsonObject().put("$lt", 5L));
    Await.result(mongo.bulkWriteWithOptions("messages", List.of(
        BulkOperation.createUpdate(older4, new JsonObject().put("$set", new JsonObject().put("v", 4L).put("t", "a"))),
        BulkOperation.createUpdate(older5, new JsonObject().put("$set", new JsonObject().put("v", 5L).put("t", "b"))),
        BulkOperation.createUpdate(older4, new JsonObject().put("$set", new JsonObject().put("v", 4L).put("t", "c"))),
        BulkOperation.createUpdate(new JsonObject().put("_id", "m-3"),
            new JsonObject().put("$max", new JsonObject().put("v", 9L)))), new BulkWriteOptions(true)));
    JsonObject edited = Await.result(mongo.findOne("messages", new JsonObject().put("_id", "m-1"), null));
    assertEquals("b", edited.getString("t"), "a replayed older change leaves a newer one alone");
    assertEquals(9L, Await.result(mongo.findOne("messages", new JsonObject().put("_id", "m-3"), null)).getLong("v"));
  }

  private static List<String> ids(MongoClient mongo, String collection) {
    return Await.result(mongo.find(collection, new JsonObject())).stream().map(doc -> doc.getString("_id"))
        .sorted().toList();
  }
}
