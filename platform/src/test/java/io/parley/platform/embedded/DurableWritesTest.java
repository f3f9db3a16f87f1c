package io.parley.platform.embedded;

import static io.parley.platform.embedded.StoreClients.withClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.MongoStore;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes are answered only once they are on the disk: a copy of the store's file and its log taken the moment the
 * answers arrive (what a killed process leaves) holds every one of them. Writers that wait together share a
 * commit; a write that a later one covers ({@link MongoStore#COVERED_BY_NEXT}) does not wait for one, and a
 * connection string's own write concern is kept.
 */
class DurableWritesTest {

  private static final String COLLECTION = "notes";
  private static final int WRITES = 30;
  private static final int ROUNDS = 5;
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
  void everyAnsweredWriteIsInTheFileAtOnceAndWaitingWritersShareCommits() throws Exception {
    long commits;
    try (ServedStore store = ServedStore.open(file("parley-store.mv.db"))) {
      withClient(vertx, store.uri(), mongo -> {
        Future<?> rounds = mongo.insert(COLLECTION, new JsonObject().put("_id", "first"));
        for (int round = 0; round < ROUNDS; round++) {
          int from = round * WRITES;
          Path copy = Path.of(file("killed-" + round + ".mv.db"));
          rounds = rounds.compose(done -> Future.all(IntStream.range(from, from + WRITES)
                  .mapToObj(i -> mongo.insert(COLLECTION, new JsonObject().put("_id", "note-" + i).put("n", i)))
                  .toList()))
              .map(written -> KilledStore.copy(Path.of(file("parley-store.mv.db")), copy));
        }
        return rounds;
      });
      commits = store.backend().durableCommits();
      assertEquals(1 + ROUNDS * WRITES, store.backend().durableWrites());
    }
    for (int round = 0; round < ROUNDS; round++) {
      long written = 1 + (round + 1) * WRITES;
      try (ServedStore left = ServedStore.open(file("killed-" + round + ".mv.db"))) {
        withClient(vertx, left.uri(), mongo -> mongo.count(COLLECTION, new JsonObject())
            .map(count -> {
              assertEquals(written, count, "what a kill would have left");
              return count;
            }));
      }
    }
    assertTrue(commits >= ROUNDS && commits < ROUNDS * WRITES, "writes in flight together share commits: " + commits);
  }

  @Test
  void aWriteCoveredByTheNextWaitsForNoCommitAndTheNextOneTakesItAlong() throws Exception {
    try (ServedStore store = ServedStore.open(file("parley-store.mv.db"))) {
      TunedH2Backend backend = store.backend();
      List<BulkOperation> inserts = new ArrayList<>();
      IntStream.range(0, 5).forEach(i -> inserts.add(BulkOperation.createInsert(new JsonObject().put("_id", "c" + i))));
      withClient(vertx, store.uri(), mongo -> mongo.bulkWriteWithOptions(COLLECTION, inserts,
              new BulkWriteOptions(true).setWriteOption(MongoStore.COVERED_BY_NEXT))
          .map(done -> {
            assertEquals(0, backend.durableWrites(), "the covered write asked for no commit");
            return done;
          })
          .compose(done -> mongo.insert(COLLECTION, new JsonObject().put("_id", "next"))));
      assertEquals(1, backend.durableWrites());
      KilledStore.copy(Path.of(file("parley-store.mv.db")), Path.of(file("killed.mv.db")));
    }
    try (ServedStore left = ServedStore.open(file("killed.mv.db"))) {
      withClient(vertx, left.uri(), mongo -> mongo.count(COLLECTION, new JsonObject())
          .map(count -> {
            assertEquals(6, count, "what a kill would have left");
            return count;
          }));
    }
  }

  @Test
  void aConnectionStringsOwnWriteConcernIsKept() {
    try (ServedStore store = ServedStore.open(file("parley-store.mv.db"))) {
      withClient(vertx, store.uri() + "/?w=1&journal=false",
          mongo -> mongo.insert(COLLECTION, new JsonObject().put("_id", "fast")));
      assertEquals(0, store.backend().durableWrites());
      withClient(vertx, store.uri() + "/?w=majority",
          mongo -> mongo.insert(COLLECTION, new JsonObject().put("_id", "majority")));
      assertEquals(1, store.backend().durableWrites());
    }
  }

  private String file(String name) {
    return dir.resolve(name).toAbsolutePath().toString();
  }
}
