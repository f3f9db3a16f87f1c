package io.parley.contract.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.model.Attachment;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** File requests and chunks: JSON where they are JSON, Buffers with their headers where they are chunks. */
class FileRecordsTest {

  private static final String ROOM = "rrrrrrrrrrrrrrrrrrrr";
  private static final Actor ALICE = new Actor("aaaaaaaaaaaaaaaaaaaa", "user", "s");

  @Test
  void uploadRequestsComeBackEqualAndARoomIsCheckedWhenNamed() {
    UploadStart start = new UploadStart(ROOM, "a.png", "image/png");
    assertEquals(start, UploadStart.CODEC.decode().apply(start.toJson()));
    assertEquals(new UploadStart(null, null, null), UploadStart.parse(new JsonObject()));
    assertEquals(ErrorCode.NOT_FOUND, assertThrows(ServiceError.class,
        () -> UploadStart.parse(new JsonObject().put("roomId", "nope"))).code());
    assertEquals("name", assertThrows(ServiceError.class, () -> UploadStart.parse(new JsonObject()
        .put("name", "n".repeat(1021)))).errors().get(0).field());
    assertEquals("roomId", assertThrows(ServiceError.class,
        () -> UploadFinish.parse(new JsonObject().put("fileId", "f"))).errors().get(0).field());
    assertEquals("", FileRef.parse(new JsonObject().put("fileId", new JsonObject().put("$ne", null))).fileId());
    assertEquals(new UploadStarted("f", 10, 4), UploadStarted.CODEC.decode().apply(new UploadStarted("f", 10, 4)
        .toJson()));
    assertEquals(new FileLink("/api/files/f?exp=1&sig=s", "t"),
        FileLink.CODEC.decode().apply(new FileLink("/api/files/f?exp=1&sig=s", "t").toJson()));
  }

  @Test
  void aChunkReadIsByAMemberOrByASignedLink() {
    ChunkRead member = ChunkRead.asMember("f", 2, ALICE);
    assertEquals(member, ChunkRead.parse(member.toJson()));
    ChunkRead link = ChunkRead.bySignedLink("f", 0, 1_900_000_000L, "sig");
    assertEquals(link, ChunkRead.parse(link.toJson()));
    assertTrue(link.bySignedLink());
    assertNull(ChunkRead.parse(new JsonObject().put("fileId", "f").put("n", 0).put("exp", "soon")).expiresAt());
    assertEquals("n", assertThrows(ServiceError.class, () -> ChunkRead.parse(new JsonObject().put("fileId", "f")))
        .errors().get(0).field());
  }

  @Test
  void chunkHeadersAreReadBackAndABadOneIsRefused() {
    UploadChunk chunk = new UploadChunk(ALICE.id(), "f", 3, Buffer.buffer("abc"));
    assertEquals(chunk, UploadChunk.parse(MultiMap.caseInsensitiveMultiMap().addAll(chunk.headers().getHeaders()),
        chunk.data()));
    MultiMap noN = MultiMap.caseInsensitiveMultiMap().add(UploadChunk.ACTOR_ID, "a").add(UploadChunk.FILE_ID, "f");
    assertEquals("n", assertThrows(ServiceError.class, () -> UploadChunk.parse(noN, Buffer.buffer("x")))
        .errors().get(0).field());
    assertEquals("chunk", assertThrows(ServiceError.class,
        () -> UploadChunk.parse(noN.copy().add(UploadChunk.N, "0"), null)).errors().get(0).field());
    FileChunk read = new FileChunk("a b.png", 3, "image/png", true, 1, Buffer.buffer("abc"));
    assertEquals(read, FileChunk.of(read.headers().getHeaders(), read.data()));
  }

  @Test
  void chunksTravelTypedBothWays() {
    Vertx vertx = Vertx.vertx();
    try {
      FileChunks.serve(new BusEndpoints(vertx.eventBus()), new EchoFiles()).ready().await();
      FileChunks chunks = new FileChunks(new BusClient(vertx.eventBus()));
      assertEquals(5L, chunks.upload(new UploadChunk(ALICE.id(), "f", 0, Buffer.buffer("hello"))).await());
      FileChunk read = chunks.read(ChunkRead.bySignedLink("f", 1, 9L, "s")).await();
      assertEquals("f#1", read.data().toString());
      assertEquals(2, read.chunks());
      assertEquals(ErrorCode.NOT_FOUND, assertThrows(ServiceError.class,
          () -> chunks.read(ChunkRead.asMember("gone", 0, ALICE)).await()).code());
    } finally {
      vertx.close().await();
    }
  }

  /** Answers chunk requests from what they carry, to see them arrive whole. */
  private static final class EchoFiles implements FileService {
    @Override
    public Future<Long> appendChunk(UploadChunk chunk) {
      return Future.succeededFuture((long) chunk.data().length());
    }

    @Override
    public Future<FileChunk> readChunk(ChunkRead read) {
      return read.fileId().equals("gone")
          ? Future.failedFuture(ServiceError.notFound("File"))
          : Future.succeededFuture(new FileChunk("n", 9, "text/plain", false, 2,
              Buffer.buffer(read.fileId() + "#" + read.n())));
    }

    @Override
    public Future<UploadStarted> startUpload(Actor actor, UploadStart start) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Attachment> finishUpload(Actor actor, UploadFinish finish) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> abortUpload(Actor actor, FileRef upload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<FileLink> link(Actor actor, FileRef file) {
      throw new UnsupportedOperationException();
    }
  }
}
