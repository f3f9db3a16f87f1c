package io.parley.platform.embedded;

import static io.parley.platform.embedded.ScanComparison.collection;
import static io.parley.platform.embedded.ScanComparison.expectAsScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's non-unique indexes: a query by a non-unique key (alone, as an {@code $in} list, or with
 * other conditions) answers exactly what a full scan answers, through inserts, a key changed by an update and
 * deletes, and again after the store is reopened and the index rebuilt from the file; the index names exactly
 * the documents that have each key; and what an index must not change is as without it.
 */
class SecondaryIndexTest {

  private static final String COLLECTION = "memberships";
  private static final int ROOMS = 40;
  private static final int USERS = 25;
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    Await.result(vertx.close());
  }

  @Test
  void queriesByANonUniqueKeyAnswerWhatAScanAnswersThroughChangesAndARestart() {
    var dir = TestStores.freshDataDir();
    String file = dir.resolve("parley-store.mv.db").toAbsolutePath().toString();
    ServedStore store = ServedStore.open(file);
    TunedH2Backend backend = store.backend();
    withClient(store, mongo -> Future.all(
            mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("userId", 1), new IndexOptions().name("u")),
            mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("roomId", 1), new IndexOptions().name("r")))
        .compose(created -> mongo.bulkWrite(COLLECTION,
            memberships().stream().map(BulkOperation::createInsert).toList()))
        .compose(inserted -> expectScanAnswers(mongo))
        // A key changed by an update, and deletes by the indexed key and by _id.
        .compose(ok -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", "room-3:user-3"),
            new JsonObject().put("$set", new JsonObject().put("userId", "user-moved"))))
        .compose(ok -> mongo.removeDocuments(COLLECTION, new JsonObject().put("roomId", "room-7")))
        .compose(ok -> mongo.removeDocument(COLLECTION, new JsonObject().put("_id", "room-8:user-8")))
        .compose(ok -> mongo.updateCollection(COLLECTION, new JsonObject().put("roomId", "room-9"),
            new JsonObject().put("$max", new JsonObject().put("lastReadSeq", 99))))
        .compose(ok -> expectScanAnswers(mongo)));
    expectIndexNamesExactlyTheDocumentsWithEachKey(backend);
    store.close();

    ServedStore again = ServedStore.open(file);
    TunedH2Backend reopened = again.backend();
    try {
      withClient(again, this::expectScanAnswers);
      expectIndexNamesExactlyTheDocumentsWithEachKey(reopened);
    } finally {
      again.close();
    }
  }

  /**
   * What an index must not change: a regular expression, a null {@code _id}, arrays in two keys of one index
   * and a positional path answer as a scan does (the {@code $and} wrapper forces one), and a document the index
   * cannot key is refused before it is stored.
   */
  @Test
  void patternsNullIdsParallelArraysAndPositionalPathsBehaveAsWithoutTheIndex() {
    var dir = TestStores.freshDataDir();
    ServedStore store = ServedStore.open(dir.resolve("parley-store.mv.db").toAbsolutePath().toString());
    TunedH2Backend backend = store.backend();
    try {
      withClient(store, mongo -> Future.all(
          mongo.createIndexWithOptions("things", new JsonObject().put("userId", 1), new IndexOptions().name("u")),
          mongo.createIndexWithOptions("things", new JsonObject().put("a", 1).put("b", 1), new IndexOptions()
              .name("ab")),
          mongo.createIndexWithOptions("things", new JsonObject().put("tags.0", 1), new IndexOptions().name("t"))));
      MongoCollection<Object> things = collection(backend, "things");
      things.addDocument(new Document("_id", "x1").append("userId", "user-1").append("tags", List.of(5, 6)));
      things.addDocument(new Document("_id", "x2").append("userId", "user-2").append("tags", List.of(6, 5)));
      things.addDocument(new Document("_id", null).append("userId", "user-1"));

      expectAsScan(things, new Document("userId", new BsonRegularExpression("^user", "")), 3);
      expectAsScan(things, new Document("userId", new Document("$in",
          List.of(new BsonRegularExpression("2$", ""), "user-1"))), 3);
      expectAsScan(things, new Document("userId", "user-1"), 2);
      expectAsScan(things, new Document("tags.0", 5), 1);

      assertThrows(RuntimeException.class, () -> things.addDocument(
          new Document("_id", "p").append("a", List.of(1, 2)).append("b", List.of(3, 4))));
      assertEquals(3, things.count(), "a document the index refuses is not stored");

      assertEquals(1, things.deleteDocuments(new Document("_id", null), 0));
      expectAsScan(things, new Document("userId", "user-1"), 1);
      assertEquals(2, things.count());
    } finally {
      store.close();
    }
  }




  /** Each user in about a third of the rooms, with a read marker. */
  private static List<JsonObject> memberships() {
    List<JsonObject> all = new ArrayList<>();
    for (int room = 0; room < ROOMS; room++) {
      for (int user = 0; user < USERS; user++) {
        if ((room + user) % 3 == 0) {
          all.add(new JsonObject().put("_id", "room-" + room + ":user-" + user).put("roomId", "room-" + room)
              .put("userId", "user-" + user).put("lastReadSeq", (long) (room * user % 17)));
        }
      }
    }
    return all;
  }

  private Future<Void> expectScanAnswers(MongoClient mongo) {
    JsonArray someRooms = new JsonArray().add("room-3").add("room-7").add("room-9").add("no-room");
    return mongo.find(COLLECTION, new JsonObject()).compose(everything -> Future.all(List.of(
            expectSame(mongo, new JsonObject().put("userId", "user-3"), everything,
                m -> m.getString("userId").equals("user-3")),
            expectSame(mongo, new JsonObject().put("userId", "user-moved"), everything,
                m -> m.getString("userId").equals("user-moved")),
            expectSame(mongo, new JsonObject().put("roomId", new JsonObject().put("$in", someRooms)), everything,
                m -> someRooms.contains(m.getString("roomId"))),
            expectSame(mongo, new JsonObject().put("roomId", "room-9").put("lastReadSeq",
                    new JsonObject().put("$gte", 5)), everything,
                m -> m.getString("roomId").equals("room-9") && m.getLong("lastReadSeq") >= 5),
            expectSame(mongo, new JsonObject().put("roomId", new JsonObject().put("$in", new JsonArray())),
                everything, m -> false),
            expectSame(mongo, new JsonObject().put("userId", new JsonObject().put("$gt", "user-2")), everything,
                m -> m.getString("userId").compareTo("user-2") > 0))))
        .mapEmpty();
  }

  private Future<Void> expectSame(MongoClient mongo, JsonObject query, List<JsonObject> everything,
      Predicate<JsonObject> matches) {
    List<String> expected = everything.stream().filter(matches).map(m -> m.getString("_id")).sorted().toList();
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setFields(new JsonObject().put("userId", 1)))
        .map(found -> {
          assertEquals(expected, found.stream().map(m -> m.getString("_id")).sorted().toList(), query.encode());
          return null;
        });
  }

  private static void expectIndexNamesExactlyTheDocumentsWithEachKey(TunedH2Backend backend) {
    MongoCollection<Object> memberships = collection(backend, COLLECTION);
    Index<Object> byUser = memberships.getIndexes().stream().filter(i -> i.getName().equals("u")).findFirst()
        .orElseThrow();
    SecondaryIndex index = assertInstanceOf(SecondaryIndex.class, byUser);
    List<String> all = new ArrayList<>();
    for (int user = 0; user < USERS; user++) {
      String userId = "user-" + user;
      List<Object> named = index.positionsFor(new Document("userId", userId));
      List<Object> scanned = new ArrayList<>();
      memberships.queryAll().forEach(doc -> {
        if (userId.equals(doc.get("userId"))) {
          scanned.add(doc.get("_id"));
        }
      });
      assertEquals(scanned.stream().sorted().toList(), named.stream().sorted().toList(), userId);
      named.forEach(id -> all.add((String) id));
    }
    assertEquals(all.size() + index.positionsFor(new Document("userId", "user-moved")).size(), index.getCount());
  }

  private void withClient(ServedStore store, Function<MongoClient, Future<?>> work) {
    StoreClients.withClient(vertx, store.uri(), work);
  }
}
