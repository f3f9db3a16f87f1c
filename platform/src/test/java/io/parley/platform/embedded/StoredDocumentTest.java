package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.ErrorCode;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.parley.platform.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Locale;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents held as BSON: a document BSON cannot hold is refused with MongoDB's BadValue and leaves nothing of
 * itself (its indexes included), each read is a copy of its own, and a file from before BSON that holds such a
 * value (then written in Java's form) still opens and reads.
 */
@ExtendWith(VertxExtension.class)
class StoredDocumentTest {

  @Test
  void anUpdateThatCannotBeStoredIsRefusedAndLeavesTheDocumentAndItsIndexesAsTheyWere(Vertx vertx) {
    String file = TestStores.freshDataDir().resolve("parley-store.mv.db").toAbsolutePath().toString();
    ServedStore store = ServedStore.open(file);
    TunedH2Backend backend = store.backend();
    try {
      String uri = store.uri();
      StoreClients.withClient(vertx, uri, mongo -> mongo.createIndexWithOptions("things",
              new JsonObject().put("key", 1), new IndexOptions().unique(true))
          .compose(created -> mongo.insert("things", new JsonObject().put("_id", "a").put("key", "k1"))));

      // A float: indexes order it as a number, but BSON has no type for it (the wire never carries one).
      MongoCollection<?> things = backend.resolveDatabase("parley").resolveCollection("things", true);
      MongoServerError refused = assertThrows(MongoServerError.class, () -> things.updateDocuments(
          new Document("_id", "a"), new Document("$set", new Document("key", 1.5f)),
          ArrayFilters.empty(), false, false, NoopOplog.get()));
      assertEquals(ErrorCode.BadValue.getValue(), refused.getCode());

      StoreClients.withClient(vertx, uri, mongo -> mongo.findOne("things", new JsonObject().put("key", "k1"), null)
          .map(found -> {
            assertEquals(new JsonObject().put("_id", "a").put("key", "k1"), found, "found by its old key, unchanged");
            return null;
          })
          .compose(ok -> mongo.insert("things", new JsonObject().put("_id", "b").put("key", "k1"))
              .transform(inserted -> Future.succeededFuture(inserted.failed())))
          .compose(refusedAgain -> {
            assertTrue(refusedAgain, "the old key is still taken in the unique index");
            return mongo.count("things", new JsonObject());
          })
          .map(count -> {
            assertEquals(1L, count);
            return null;
          }));
    } finally {
      store.close();
    }
  }

  @Test
  void eachReadIsACopyOfItsOwn() {
    StoredDocument stored = StoredDocument.of(new Document("_id", "a").append("n", 1));
    Document first = stored.document();
    first.put("n", 2);
    assertEquals(1, stored.document().get("n"));
    assertNotSame(stored.document(), stored.document());
  }

  @Test
  void aFileFromBeforeBsonWithAValueBsonCannotHoldStillOpensAndReads() {
    Path file = TestStores.freshDataDir().resolve("old.mv.db");
    MVStore old = MVStore.open(file.toString());
    old.openMap("data", new MVMap.Builder<Object, Object>().valueType(new ObjectDataType()))
        .put("a", new Document("_id", "a").append("where", Locale.CANADA));
    old.close();

    for (int opening = 0; opening < 2; opening++) {
      MVStore store = MVStore.open(file.toString());
      try {
        MVMap<Object, StoredDocument> data = store.openMap("data",
            new MVMap.Builder<Object, StoredDocument>().valueType(new DocumentValueType()));
        StoredDocument stored = data.get("a");
        assertNull(stored.bson(), "kept in its Java form");
        assertEquals(Locale.CANADA, stored.document().get("where"));
        // Written again (its page rewritten), it stays readable.
        data.put("b", StoredDocument.of(new Document("_id", "b")));
        data.put("a", stored);
      } finally {
        store.close();
      }
    }
  }
}
