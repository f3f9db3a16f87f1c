package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the embedded store writes its pages: index keys as their elements behind a tag (keys Java-serialized by
 * earlier versions still read), and documents encoded once until they change, never written stale.
 */
class StoreEncodingTest {

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
    TunedH2Backend backend = TunedH2Backend.open(file);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    withClient("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), mongo -> {
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
    server.shutdown();

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

  private void withClient(String uri, Function<MongoClient, Future<?>> work) {
    MongoClient mongo = MongoStore.client(vertx, new JsonObject().put(CommonConfig.MONGO_URI, uri)
        .put(CommonConfig.MONGO_DB, "parley"), "encoding-" + System.nanoTime());
    try {
      Await.result(work.apply(mongo), 60);
    } finally {
      Await.result(mongo.close());
    }
  }
}
