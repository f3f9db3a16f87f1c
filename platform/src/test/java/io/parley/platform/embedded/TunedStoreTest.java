package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's tuning: index keys in MongoDB's value order (store files from before it still work),
 * queries that pin a unique index's keys answered through that index with the same results as a full scan, and
 * pages written cheaply: index keys as their elements behind a tag (keys Java-serialized by earlier versions
 * still read), documents held as their BSON, a changed one never written stale.
 */
class TunedStoreTest {

  private static final int DOCS = 1_500;
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
  void keysAreOrderedAsMongoDbOrdersValues() {
    IndexKeyType type = new IndexKeyType();
    assertTrue(type.compare(new KeyValue("room-0000000009"), new KeyValue("room-0000000010")) < 0);
    assertTrue(type.compare(new KeyValue(2.0), new KeyValue(10.0)) < 0);
    assertTrue(type.compare(new KeyValue(10.0), new KeyValue("a")) < 0, "numbers sort before strings");
    assertEquals(0, type.compare(new KeyValue("u1", "c1"), new KeyValue("u1", "c1")));
    assertTrue(type.compare(new KeyValue("u1", "c1"), new KeyValue("u1", "c2")) < 0);
  }

  @Test
  void aFileWrittenWithTheOldOrderIsRebuiltOnceAndKeepsEveryDocumentAndConstraint() {
    Path dir = TestStores.freshDataDir();
    String file = dir.resolve("parley-store.mv.db").toAbsolutePath().toString();
    MongoServer old = new MongoServer(new H2Backend(file));
    old.bind("127.0.0.1", 0);
    withClient("mongodb://127.0.0.1:" + old.getLocalAddress().getPort(), mongo ->
        mongo.createIndexWithOptions("things", new JsonObject().put("key", 1), new IndexOptions().unique(true))
            .compose(created -> insertAll(mongo, 0, DOCS)));
    old.shutdown();

    EmbeddedStore migrated = EmbeddedStore.persistent(dir, 0);
    try {
      withClient(migrated.connectionString(), mongo -> expectEveryDocumentAndConstraint(mongo)
          .compose(ok -> insertAll(mongo, DOCS, DOCS + 100)));
    } finally {
      migrated.close();
    }

    MVStore store = MVStore.open(file);
    try {
      assertEquals(KeyOrderMigration.CURRENT_ORDER,
          store.<String, String>openMap(KeyOrderMigration.MARKER_MAP).get(KeyOrderMigration.KEY_ORDER));
      String keyIndex = store.getMapNames().stream()
          .filter(name -> KeyOrderMigration.isIndexMap(name) && name.contains(".things.") && name.contains("key"))
          .findFirst().orElseThrow();
      assertEquals(DOCS + 100, KeyOrderMigration.openIndexMap(store, keyIndex).size());
      assertInstanceOf(IndexKeyType.class, KeyOrderMigration.openIndexMap(store, keyIndex).getKeyType());
      assertTrue(store.getMapNames().stream().noneMatch(name -> name.endsWith(".things._index__id_")),
          "the _id index's own tree is gone: the documents' tree serves it");
    } finally {
      store.close();
    }

    EmbeddedStore reopened = EmbeddedStore.persistent(dir, 0);
    try {
      withClient(reopened.connectionString(), mongo -> mongo.count("things", new JsonObject())
          .map(count -> {
            assertEquals(DOCS + 100, count);
            return null;
          })
          .compose(ok -> mongo.findOne("things", new JsonObject().put("_id", id(DOCS + 50)), null))
          .map(found -> {
            assertEquals(DOCS + 50, found.getInteger("n"));
            return null;
          }));
    } finally {
      reopened.close();
    }
  }

  @Test
  void aNewStoreFindsByIdAndEnforcesUniqueKeys() {
    EmbeddedStore store = TestStores.embedded();
    try {
      withClient(store.connectionString(), mongo ->
          mongo.createIndexWithOptions("things", new JsonObject().put("key", 1), new IndexOptions().unique(true))
              .compose(created -> insertAll(mongo, 0, DOCS))
              .compose(ok -> expectEveryDocumentAndConstraint(mongo)));
    } finally {
      store.close();
    }
  }

  @Test
  void queriesThatPinAUniqueKeyAnswerExactlyWhatMongoDbWould() {
    EmbeddedStore store = TestStores.embedded();
    try {
      withClient(store.connectionString(), mongo -> mongo.createIndexWithOptions("journal",
              new JsonObject().put("room", 1), new IndexOptions().unique(true))
          .compose(created -> Future.all(List.of(
              mongo.insert("journal", new JsonObject().put("_id", "r1").put("room", "a").put("version", 1L)),
              mongo.insert("journal", new JsonObject().put("_id", "r2").put("room", "b").put("version", 5L)),
              mongo.insert("journal", new JsonObject().put("_id", "r3").put("room", "c").put("version", 5L)))))
          // A compare-and-set: only the document with that _id and that version changes.
          .compose(ok -> mongo.updateCollection("journal", new JsonObject().put("_id", "r2").put("version", 4L),
              new JsonObject().put("$set", new JsonObject().put("version", 6L))))
          .map(stale -> {
            assertEquals(0L, stale.getDocMatched());
            return null;
          })
          .compose(ok -> mongo.updateCollection("journal", new JsonObject().put("_id", "r2").put("version", 5L),
              new JsonObject().put("$set", new JsonObject().put("version", 6L))))
          .map(won -> {
            assertEquals(1L, won.getDocMatched());
            return null;
          })
          .compose(ok -> Future.all(List.of(
              mongo.find("journal", new JsonObject().put("_id", "r2").put("version", 6L)),
              mongo.find("journal", new JsonObject().put("_id", "r3").put("version",
                  new JsonObject().put("$lt", 5L))),
              mongo.find("journal", new JsonObject().put("room", "c").put("version", 5L)),
              mongo.find("journal", new JsonObject().put("_id", "nobody").put("version", 5L)),
              mongo.find("journal", new JsonObject().put("_id", new JsonObject().put("$in",
                  new io.vertx.core.json.JsonArray().add("r1").add("r3"))).put("version", 5L)),
              mongo.find("journal", new JsonObject().put("_id", "r1").put("$or", new io.vertx.core.json.JsonArray()
                  .add(new JsonObject().put("version", 1L)).add(new JsonObject().put("room", "z")))))))
          .map(found -> {
            assertEquals(List.of("r2"), ids(found.resultAt(0)));
            assertEquals(List.of(), ids(found.resultAt(1)));
            assertEquals(List.of("r3"), ids(found.resultAt(2)));
            assertEquals(List.of(), ids(found.resultAt(3)));
            assertEquals(List.of("r3"), ids(found.resultAt(4)), "an operator on _id is a full query, as before");
            assertEquals(List.of("r1"), ids(found.resultAt(5)));
            return null;
          })
          .compose(ok -> mongo.removeDocuments("journal", new JsonObject().put("_id", "r3").put("version", 4L)))
          .compose(none -> mongo.count("journal", new JsonObject()))
          .map(count -> {
            assertEquals(3L, count, "a delete whose other condition fails removes nothing");
            return null;
          }));
    } finally {
      store.close();
    }
  }

  @Test
  void documentsOfEveryTypeParleyStoresComeBackAlikeAfterARestart() {
    Path dir = TestStores.freshDataDir();
    JsonObject original = new JsonObject()
        .put("_id", "room-0000000042")
        .put("text", "héllo <b>&</b> \u2603 emoji \uD83D\uDE00")
        .put("seq", 42)
        .put("version", 9_000_000_000L)
        .put("ratio", 0.25)
        .put("deleted", false)
        .put("editedAt", (Object) null)
        .put("createdAt", new JsonObject().put("$date", "2026-11-21T09:00:00.123Z"))
        .put("sender", new JsonObject().put("id", "u1").put("displayName", "Ann"))
        .put("reactions", new JsonObject().put("\uD83D\uDC4D", new io.vertx.core.json.JsonArray().add("u1").add("u2")))
        .put("chunk", new byte[] {0, 1, 2, (byte) 255})
        .put("empty", new io.vertx.core.json.JsonArray());
    EmbeddedStore first = EmbeddedStore.persistent(dir, 0);
    try {
      withClient(first.connectionString(), mongo -> mongo.insert("messages", original));
    } finally {
      first.close();
    }
    EmbeddedStore reopened = EmbeddedStore.persistent(dir, 0);
    try {
      withClient(reopened.connectionString(), mongo ->
          mongo.findOne("messages", new JsonObject().put("_id", "room-0000000042"), null).map(found -> {
            JsonObject expected = original.copy();
            expected.remove("chunk");
            JsonObject actual = found.copy();
            byte[] chunk = actual.getBinary("chunk");
            actual.remove("chunk");
            assertEquals(expected, actual);
            assertEquals(List.of((byte) 0, (byte) 1, (byte) 2, (byte) 255),
                List.of(chunk[0], chunk[1], chunk[2], chunk[3]));
            assertEquals(4, chunk.length);
            return null;
          }));
    } finally {
      reopened.close();
    }

    // On disk the document is BSON behind its tag, not a Java-serialized object.
    List<Byte> tags = new ArrayList<>();
    MVStore store = MVStore.open(dir.resolve("parley-store.mv.db").toAbsolutePath().toString());
    try {
      var messages = store.openMap("databases.parley.messages", new MVMap.Builder<Object, Object>()
          .valueType(new DocumentValueType() {
            @Override
            public Object read(ByteBuffer buffer) {
              tags.add(buffer.get(buffer.position()));
              return super.read(buffer);
            }
          }));
      assertEquals(1, messages.size());
      messages.values().forEach(document -> assertInstanceOf(StoredDocument.class, document));
      assertEquals(List.of(DocumentValueType.BSON_DOCUMENT), tags);
    } finally {
      store.close();
    }
  }

  private static List<String> ids(List<JsonObject> docs) {
    return docs.stream().map(doc -> doc.getString("_id")).sorted().toList();
  }

  private Future<Void> expectEveryDocumentAndConstraint(MongoClient mongo) {
    List<Future<JsonObject>> finds = new ArrayList<>();
    for (int n = 0; n < DOCS; n += 7) {
      finds.add(mongo.findOne("things", new JsonObject().put("_id", id(n)), null));
    }
    Future<Void> found = Future.all(finds).map(all -> {
      for (int i = 0; i < finds.size(); i++) {
        assertEquals(i * 7, finds.get(i).result().getInteger("n"));
      }
      return null;
    });
    Future<Throwable> sameId = mongo.insert("things", new JsonObject().put("_id", id(3)).put("key", "fresh"))
        .transform(done -> Future.succeededFuture(done.cause()));
    Future<Throwable> sameKey = mongo.insert("things", new JsonObject().put("_id", "fresh").put("key", key(3)))
        .transform(done -> Future.succeededFuture(done.cause()));
    Future<Throwable> sameNumber = mongo.insert("things", new JsonObject().put("_id", "n").put("key", 42L))
        .transform(done -> Future.succeededFuture(done.cause()));
    return Future.all(found, sameId, sameKey, sameNumber).map(all -> {
      assertTrue(MongoStore.isDuplicateKey(sameId.result()), "same _id refused");
      assertTrue(MongoStore.isDuplicateKey(sameKey.result()), "same unique key refused");
      assertTrue(MongoStore.isDuplicateKey(sameNumber.result()), "42L equals the stored 42.0 as MongoDB says");
      return null;
    });
  }

  private static Future<Void> insertAll(MongoClient mongo, int from, int to) {
    Future<Void> chain = Future.succeededFuture();
    for (int n = from; n < to; n++) {
      int number = n;
      // Numbers in the unique key too, so the order between types is exercised.
      Object key = number == 42 ? (Object) 42.0 : key(number);
      chain = chain.compose(ok -> mongo.insert("things",
          new JsonObject().put("_id", id(number)).put("key", key).put("n", number)).mapEmpty());
    }
    return chain;
  }

  /** Ids of different lengths: the old order (serialized bytes, length first) differs from the new one. */
  private static String id(int n) {
    return "m" + n;
  }

  @Test
  void indexKeysAreWrittenAsTheirElementsAndOlderKeysStillRead() {
    String file = TestStores.freshDataDir().resolve("keys.mv.db").toAbsolutePath().toString();
    MVStore old = MVStore.open(file);
    MVMap<Object, Object> written = old.openMap("index", new MVMap.Builder<>().keyType(new ObjectDataType()));
    written.put(new KeyValue("u1", "c1"), "old");
    old.close();

    List<Byte> tags = new ArrayList<>();
    MVStore store = MVStore.open(file);
    MVMap<Object, Object> index = store.openMap("index", new MVMap.Builder<>().keyType(new IndexKeyType() {
      @Override
      public Object read(ByteBuffer buffer) {
        tags.add(buffer.get(buffer.position()));
        return super.read(buffer);
      }
    }));
    assertEquals("old", index.get(new KeyValue("u1", "c1")), "a Java-serialized key is read as before");
    index.put(new KeyValue("u2", 42L, 1.5, true), "new");
    store.close();

    tags.clear();
    store = MVStore.open(file);
    index = store.openMap("index", new MVMap.Builder<>().keyType(new IndexKeyType() {
      @Override
      public Object read(ByteBuffer buffer) {
        tags.add(buffer.get(buffer.position()));
        return super.read(buffer);
      }
    }));
    assertEquals("new", index.get(new KeyValue("u2", 42L, 1.5, true)));
    assertEquals("old", index.get(new KeyValue("u1", "c1")));
    store.close();
    assertEquals(List.of(IndexKeyType.KEY_VALUE, IndexKeyType.KEY_VALUE), tags, "the page was rewritten in the new form");
  }

  @Test
  void aDocumentChangedAfterItsPageWasWrittenIsWrittenChanged() {
    Path dir = TestStores.freshDataDir();
    String file = dir.resolve("parley-store.mv.db").toAbsolutePath().toString();
    ServedStore store = ServedStore.open(file);
    TunedH2Backend backend = store.backend();
    withClient(store.uri(), mongo -> {
      Future<?> steps = Future.succeededFuture();
      for (int i = 0; i < 40; i++) {
        JsonObject doc = new JsonObject().put("_id", "doc-" + i).put("n", 0);
        steps = steps.compose(done -> mongo.insert("things", doc));
      }
      // Each commit writes the page of every document again; the changed one must go in changed.
      for (int n = 1; n <= 3; n++) {
        JsonObject set = new JsonObject().put("$set", new JsonObject().put("n", n));
        steps = steps.compose(done -> {
          backend.commit();
          return mongo.updateCollection("things", new JsonObject().put("_id", "doc-7"), set);
        }).compose(done -> mongo.updateCollection("things", new JsonObject().put("_id", "doc-8"), set));
      }
      return steps.onComplete(done -> backend.commit());
    });
    store.close();

    EmbeddedStore reopened = EmbeddedStore.persistent(dir, 0);
    try {
      withClient(reopened.connectionString(), mongo -> mongo.find("things", new JsonObject()).map(found -> {
        assertEquals(40, found.size());
        found.forEach(doc -> assertEquals(doc.getString("_id").matches("doc-[78]") ? 3 : 0, doc.getInteger("n"),
            doc.encode()));
        return null;
      }));
    } finally {
      reopened.close();
    }
  }

  private static String key(int n) {
    return "key-" + (n * 7919 % 100_003);
  }

  private void withClient(String uri, Function<MongoClient, Future<?>> work) {
    StoreClients.withClient(vertx, uri, work);
  }
}
