package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.bench.workload.FanoutWorkload;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStore;
import io.parley.platform.MongoStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The persisting ceiling at a tiny scale, in its own child JVM: every message it acknowledged and delivered (once,
 * in order) is in its store afterwards, one document each. No timing is asserted.
 */
class PersistingCeilingTest {

  @Test
  void storesEveryMessageItDeliversAndAcknowledges() throws Exception {
    Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-persisting-");
    BenchOptions options = new BenchOptions("fanout", "--step-seconds=1", "--max-steps=2",
        "--start-deliveries=30", "--warmup-seconds=0", "--settle-ms=300", "--drain-ms=10000",
        "--server-jvm=-Xmx256m", "--work-dir=" + workDir);
    List<StepResult> steps;
    try (BenchContext context = BenchContext.open(options)) {
      steps = new FanoutWorkload(context).measure(BenchTarget.Kind.PERSISTING, 2, 3);
    }
    assertFalse(steps.isEmpty());
    long sent = 0;
    for (StepResult step : steps) {
      assertTrue(step.sent() > 0, step.format());
      assertEquals(step.sent(), step.acks(), step.format());
      assertEquals(step.sent() * 3, step.receipts(), step.format());
      assertEquals(0, step.losses() + step.duplicates() + step.orderViolations() + step.refused(), step.format());
      sent += step.sent();
    }
    assertEquals(sent, storedMessages(workDir), "one stored document per message sent");
  }

  private static long storedMessages(Path workDir) throws Exception {
    Path dataDir;
    try (Stream<Path> entries = Files.list(workDir)) {
      dataDir = entries.filter(path -> path.getFileName().toString().startsWith(BenchContext.DATA_FOLDER_PREFIX))
          .findFirst().orElseThrow();
    }
    Vertx vertx = Vertx.vertx();
    try (EmbeddedStore store = EmbeddedStore.persistent(dataDir, 0)) {
      MongoClient mongo = MongoStore.client(vertx,
          new JsonObject().put(CommonConfig.MONGO_URI, store.connectionString()), "check");
      return Await.result(mongo.count("messages", new JsonObject()), 30_000);
    } finally {
      Await.quietly(vertx.close(), 30_000);
    }
  }
}
