package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.CommonConfig;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.parley.testing.RestClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 10 MiB upload at the default limit does not hold the file in memory. The store runs in a JVM of its own
 * here, so that this JVM's heap is the gateway's and chat-service's (and the test client's) alone; the
 * upload is stopped with 9 MiB sent, and the heap after a full collection is compared with before it began.
 */
@ExtendWith(VertxExtension.class)
class FileUploadHeapTest {

  private static final long TEN_MIB = 10L * 1024 * 1024;
  /** "A few MiB": generous, yet well under the 9 MiB that holding what was sent would take. */
  private static final long HEAP_BOUND = 4L * 1024 * 1024;
  private static Process storeProcess;
  private static ParleyStack parley;
  private static JsonObject user;
  private static String room;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    storeProcess = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        StoreProcess.class.getName(), TestStores.freshDataDir().toString())
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(storeProcess.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.startsWith("PORT "));
    assertTrue(line != null, "the store process did not start");
    parley = ParleyStack.start(vertx, new JsonObject()
        .put(CommonConfig.MONGO_URI, "mongodb://127.0.0.1:" + line.substring(5).trim()), 1);
    user = parley.newUser("uploader");
    room = parley.createRoom(user, "public");
  }

  @AfterAll
  static void stop() {
    parley.close();
    storeProcess.destroy();
  }

  @Test
  void aTenMibUploadRaisesTheHeapByAFewMibAtMostAndComesBackIntact() throws Exception {
    assertEquals(201, upload(new GeneratedUpload(parley.vertx(), room, "warm-up.bin", "application/octet-stream",
        Buffer.buffer(), TEN_MIB)).status());
    long before = usedHeapAfterGc();

    GeneratedUpload upload = new GeneratedUpload(parley.vertx(), room, "big.bin", "application/octet-stream",
        Buffer.buffer(), TEN_MIB).holdAt(9L * 1024 * 1024);
    Future<RestClient.Reply> reply = parley.vertx().executeBlocking(() -> upload(upload));
    Await.result(upload.held(), 60);
    awaitServerIdle();
    long during = usedHeapAfterGc();
    upload.release();
    RestClient.Reply done = Await.result(reply, 60);

    long growth = during - before;
    System.out.printf("heap after GC: %d KiB before, %d KiB with 9 MiB of a 10 MiB upload sent: %+d KiB%n",
        before / 1024, during / 1024, growth / 1024);
    assertTrue(growth < HEAP_BOUND, "heap grew by " + growth / 1024 + " KiB");
    assertEquals(201, done.status(), done.raw().bodyAsString());
    assertEquals(TEN_MIB, done.json().getLong("size"));

    RestClient.Reply download = parley.rest().get("/api/files/" + done.json().getString("fileId"), token(user));
    assertEquals(200, download.status());
    assertEquals(upload.sha256(), sha256(download.raw().bodyAsBuffer()));
  }

  @Test
  void oneByteOverTenMibIsRefusedAndLeavesNothing() {
    MongoClient store = parley.store();
    long files = Await.result(store.count("files", new JsonObject()));
    long chunks = Await.result(store.count("file_chunks", new JsonObject()));
    GeneratedUpload tooBig = new GeneratedUpload(parley.vertx(), room, "too-big.bin", "application/octet-stream",
        Buffer.buffer(), TEN_MIB + 1);

    RestClient.Reply refused = upload(tooBig);

    assertEquals(413, refused.status());
    assertEquals("too_large", refused.code());
    assertEquals(files, Await.result(store.count("files", new JsonObject())));
    assertEquals(chunks, Await.result(store.count("file_chunks", new JsonObject())));
  }

  private static RestClient.Reply upload(GeneratedUpload body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", MultipartBody.CONTENT_TYPE)
        .add("Content-Length", Long.toString(body.length()));
    return parley.rest().sendStream(HttpMethod.POST, "/api/files", token(user), headers, body);
  }

  /**
   * The heap that survives a full collection: the least of a few, since what a thread allocates between a
   * collection and the reading counts too.
   */
  private static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      Thread.sleep(50);
    }
    return least;
  }

  /** Waits until the services have stored all the bytes the socket still held: no chunk added for a while. */
  private static void awaitServerIdle() throws InterruptedException {
    MongoClient store = parley.store();
    long last = -1;
    int quiet = 0;
    while (quiet < 3) {
      Thread.sleep(100);
      long now = Await.result(store.count("file_chunks", new JsonObject()));
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
  }

  private static String sha256(Buffer bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.getBytes()));
  }
}
