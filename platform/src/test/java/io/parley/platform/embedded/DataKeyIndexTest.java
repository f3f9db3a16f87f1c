package io.parley.platform.embedded;

import static io.parley.platform.embedded.ScanComparison.collection;
import static io.parley.platform.embedded.ScanComparison.expectAsScan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.UpdateOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A collection's {@code _id} index is its documents' own tree: the store keeps no second tree of ids, and still
 * finds ids alone and in {@code $in} lists, refuses a second document with an id (one insert, one of a bulk, an
 * upsert), takes an id again once its document is removed, and answers every other query on {@code _id}
 * (ranges, null, ids that are not strings) exactly as a scan does. A file that has the old tree is covered by
 * {@code TunedStoreTest}'s migration case.
 */
@ExtendWith(VertxExtension.class)
class DataKeyIndexTest {

  private static final int ROOMS = 12;
  private static final int PER_ROOM = 25;

  @Test
  void idsAreFoundRefusedAndTakenAgainWithNoTreeOfTheirOwn(Vertx vertx) {
    String file = TestStores.freshDataDir().resolve("parley-store.mv.db").toAbsolutePath().toString();
    ServedStore store = ServedStore.open(file);
    TunedH2Backend backend = store.backend();
    try {
      StoreClients.withClient(vertx, store.uri(), mongo -> {
        List<BulkOperation> inserts = new ArrayList<>();
        for (int room = 0; room < ROOMS; room++) {
          for (int seq = 1; seq <= PER_ROOM; seq++) {
            inserts.add(BulkOperation.createInsert(message(room, seq)));
          }
        }
        List<BulkOperation> mixed = List.of(BulkOperation.createInsert(message(1, PER_ROOM + 1)),
            BulkOperation.createInsert(message(2, 3)), BulkOperation.createInsert(message(1, PER_ROOM + 2)),
            BulkOperation.createInsert(message(5, 7)), BulkOperation.createInsert(message(1, PER_ROOM + 3)));
        return mongo.bulkWrite("messages", inserts)
            .compose(done -> mongo.bulkWriteWithOptions("messages", mixed, new BulkWriteOptions(false))
                .transform(answer -> Future.succeededFuture(answer.cause())))
            .map(refused -> {
              List<MongoStore.BulkError> errors = MongoStore.bulkErrors(refused);
              assertEquals(2, errors.size(), "the two ids stored before are refused");
              assertTrue(errors.stream().allMatch(MongoStore.BulkError::duplicateKey));
              return null;
            })
            .compose(ok -> mongo.insert("messages", message(4, 4)).transform(answer ->
                Future.succeededFuture(answer.cause())))
            .map(refused -> {
              assertTrue(MongoStore.isDuplicateKey(refused), "one insert of a stored id is refused");
              return null;
            })
            .compose(ok -> mongo.updateCollectionWithOptions("messages", new JsonObject().put("_id", id(0, 99)),
                new JsonObject().put("$set", new JsonObject().put("text", "upserted")),
                new UpdateOptions().setUpsert(true)))
            .compose(ok -> mongo.insert("messages", message(0, 99)).transform(answer ->
                Future.succeededFuture(answer.cause())))
            .map(refused -> {
              assertTrue(MongoStore.isDuplicateKey(refused), "an id an upsert made is taken");
              return null;
            })
            .compose(ok -> mongo.removeDocument("messages", new JsonObject().put("_id", id(3, 3))))
            .compose(ok -> mongo.insert("messages", message(3, 3).put("text", "again")))
            .compose(ok -> mongo.updateCollection("messages", new JsonObject().put("_id", id(6, 6)),
                new JsonObject().put("$set", new JsonObject().put("text", "edited"))))
            .compose(ok -> Future.all(
                mongo.findOne("messages", new JsonObject().put("_id", id(3, 3)), null),
                mongo.findOne("messages", new JsonObject().put("_id", id(6, 6)), null),
                mongo.findOne("messages", new JsonObject().put("_id", id(6, 600)), null),
                mongo.find("messages", new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray()
                    .add(id(7, 2)).add(id(7, 900)).add(id(1, 1)).add(id(7, 2)).add(id(1, PER_ROOM + 3))))),
                mongo.count("messages", new JsonObject()),
                mongo.findWithOptions("messages", new JsonObject().put("_id", new JsonObject().put("$in",
                    new JsonArray().add(id(7, 2)).add(id(1, 1)).add(id(8, 8)).add(id(7, 901)))),
                    new FindOptions().setSort(new JsonObject().put("_id", -1)).setSkip(1).setLimit(1)
                        .setFields(new JsonObject().put("roomId", 1)))))
            .map(found -> {
              assertEquals("again", found.<JsonObject>resultAt(0).getString("text"));
              assertEquals("edited", found.<JsonObject>resultAt(1).getString("text"));
              assertNull(found.<JsonObject>resultAt(2));
              assertEquals(List.of(id(1, 1), id(1, PER_ROOM + 3), id(7, 2)), found.<List<JsonObject>>resultAt(3)
                  .stream().map(m -> m.getString("_id")).sorted().toList());
              assertEquals(Long.valueOf(ROOMS * PER_ROOM + 3 + 1), found.<Long>resultAt(4));
              assertEquals(List.of(new JsonObject().put("_id", id(7, 2)).put("roomId", "room7")),
                  found.<List<JsonObject>>resultAt(5), "an id list sorts, skips, limits and picks fields");
              return null;
            });
      });

      MongoCollection<Object> messages = collection(backend, "messages");
      assertThrows(DuplicateKeyError.class, () -> messages.addDocument(new Document("_id", id(9, 9))));
      messages.addDocument(new Document("_id", null).append("text", "no id"));
      messages.addDocument(new Document("_id", 42).append("text", "a number"));
      messages.addDocument(new Document("_id", new Document("room", "r").append("n", 1)).append("text", "a doc"));
      expectAsScan(messages, new Document("_id", id(2, 5)), 1);
      expectAsScan(messages, new Document("_id", new Document("$in", List.of(id(2, 5), id(2, 6), "none"))), 2);
      expectAsScan(messages, new Document("_id", new Document("$gte", id(4, 0)).append("$lt", id(5, 0))), PER_ROOM);
      expectAsScan(messages, new Document("_id", null), 1);
      expectAsScan(messages, new Document("_id", 42.0), 1);
      expectAsScan(messages, new Document("_id", new Document("$in", List.of(42L, id(8, 8)))), 2);
      expectAsScan(messages, new Document("_id", new Document("room", "r").append("n", 1)), 1);
      // MongoDB's ids are values: 42, 42L and 42.0 are one id, as are documents of them.
      assertThrows(DuplicateKeyError.class, () -> messages.addDocument(new Document("_id", 42L)));
      assertThrows(DuplicateKeyError.class, () -> messages.addDocument(new Document("_id", 42.0)));
      assertThrows(DuplicateKeyError.class, () -> messages.addDocument(
          new Document("_id", new Document("room", "r").append("n", 1.0))));
      assertEquals(1, messages.deleteDocuments(new Document("_id", 42.0), 0));
      expectAsScan(messages, new Document("_id", 42L), 0);
      assertEquals(1, messages.deleteDocuments(new Document("_id", null), 0));
      expectAsScan(messages, new Document("_id", null), 0);

      DataKeyIndex primary = assertInstanceOf(DataKeyIndex.class, messages.getIndexes().stream()
          .filter(index -> index.getName().equals("_id_")).findFirst().orElseThrow());
      assertEquals(messages.count(), primary.getCount());
      backend.commit();
      assertTrue(backend.getMvStore().getMapNames().stream().noneMatch(name -> name.contains("._index__id_")),
          "no collection keeps a tree of its ids besides its documents'");
    } finally {
      store.close();
    }
  }

  /**
   * A stored id is refused before any index has taken the document: nothing of it is left in the unique or the
   * non-unique index, and its unique key stays free for another document.
   */
  @Test
  void aStoredIdIsRefusedBeforeAnyIndexTakesTheDocument(Vertx vertx) {
    ServedStore store = ServedStore.open(
        TestStores.freshDataDir().resolve("parley-store.mv.db").toAbsolutePath().toString());
    JsonObject key = new JsonObject().put("clientKey", "u1|m2");
    JsonObject room = new JsonObject().put("roomId", "r2");
    try {
      StoreClients.withClient(vertx, store.uri(), mongo -> Future.all(
              mongo.createIndexWithOptions("changes", new JsonObject().put("clientKey", 1),
                  new IndexOptions().unique(true).sparse(true).name("clientKey_unique")),
              mongo.createIndexWithOptions("changes", new JsonObject().put("roomId", 1), new IndexOptions().name("r")))
          .compose(made -> mongo.insert("changes", change("r1-1", "u1|m1", "r1")))
          .compose(ok -> mongo.bulkWriteWithOptions("changes", List.of(
                  BulkOperation.createInsert(change("r1-2", "u1|m3", "r1")),
                  BulkOperation.createInsert(change("r1-1", "u1|m2", "r2")),
                  BulkOperation.createInsert(change("r1-3", "u1|m4", "r1"))), new BulkWriteOptions(true))
              .transform(answer -> Future.succeededFuture(answer.cause())))
          .map(refused -> {
            List<MongoStore.BulkError> errors = MongoStore.bulkErrors(refused);
            assertEquals(1, errors.size(), "an ordered write stops at the stored id");
            assertEquals(1, errors.get(0).index());
            assertTrue(errors.get(0).duplicateKey());
            assertTrue(refused.getMessage().contains("_id_"), "the refusal names the _id index: " + refused);
            return null;
          })
          .compose(ok -> Future.all(mongo.find("changes", key), mongo.find("changes", room),
              mongo.count("changes", new JsonObject())))
          .map(found -> {
            assertEquals(List.of(), found.resultAt(0), "the refused document's unique key was not taken");
            assertEquals(List.of(), found.resultAt(1), "nor its room's index entry");
            assertEquals(2L, found.<Long>resultAt(2));
            return null;
          })
          .compose(ok -> mongo.insert("changes", change("r2-1", "u1|m2", "r2")))
          .compose(ok -> Future.all(mongo.find("changes", key), mongo.find("changes", room),
              mongo.findOne("changes", new JsonObject().put("_id", "r1-1"), null)))
          .map(found -> {
            assertEquals(List.of("r2-1"), found.<List<JsonObject>>resultAt(0).stream()
                .map(doc -> doc.getString("_id")).toList(), "the key is free for another document");
            assertEquals(1, found.<List<JsonObject>>resultAt(1).size());
            assertEquals("u1|m1", found.<JsonObject>resultAt(2).getString("clientKey"), "the first one stays");
            assertFalse(found.<JsonObject>resultAt(2).getString("roomId").equals("r2"));
            return null;
          }));
    } finally {
      store.close();
    }
  }

  private static JsonObject change(String id, String clientKey, String roomId) {
    return new JsonObject().put("_id", id).put("clientKey", clientKey).put("roomId", roomId);
  }

  private static JsonObject message(int room, int seq) {
    return new JsonObject().put("_id", id(room, seq)).put("roomId", "room" + room).put("seq", seq)
        .put("text", "message " + seq);
  }

  private static String id(int room, int seq) {
    return String.format("room%02d-%010d", room, seq);
  }
}
