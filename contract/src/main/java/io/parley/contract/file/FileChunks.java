package io.parley.contract.file;

import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.bus.Codec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * File chunks on the event bus, typed: they travel as Buffers with headers ({@link UploadChunk}, {@link
 * FileChunk}), so they go through {@link BusClient#message} and {@link BusEndpoints#serveMessage} rather than as
 * JSON operations. The one place that knows how.
 */
public final class FileChunks {

  /** An upload chunk's answer: the bytes received so far. */
  private static final Codec<Long> RECEIVED = Codec.of(size -> new JsonObject().put("size", size),
      json -> json.getLong("size", 0L));

  private final BusClient bus;

  public FileChunks(BusClient bus) {
    this.bus = bus;
  }

  public Future<Long> upload(UploadChunk chunk) {
    return bus.<JsonObject>message(FileOperations.UPLOAD_CHUNK.address(), chunk.data(), chunk.headers())
        .map(reply -> RECEIVED.decode().apply(reply.body()));
  }

  public Future<FileChunk> read(ChunkRead read) {
    return bus.<Buffer>message(FileOperations.READ.address(), read.toJson(), new DeliveryOptions())
        .map(reply -> FileChunk.of(reply.headers(), reply.body()));
  }

  /** Serves the chunk operations of a {@link FileService}. */
  public static BusEndpoints serve(BusEndpoints endpoints, FileService files) {
    return endpoints
        .serveMessage(FileOperations.UPLOAD_CHUNK.address(), (Message<Buffer> message) -> files
            .appendChunk(UploadChunk.parse(message.headers(), message.body()))
            .map(size -> new BusEndpoints.Reply(RECEIVED.encode().apply(size), new DeliveryOptions())))
        .serveMessage(FileOperations.READ.address(), (Message<JsonObject> message) -> files
            .readChunk(ChunkRead.parse(message.body() == null ? new JsonObject() : message.body()))
            .map(chunk -> new BusEndpoints.Reply(chunk.data(), chunk.headers())));
  }
}
