package io.parley.contract.file;

import io.parley.contract.ServiceError;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * The next bytes of an upload, chunk {@code n} (0, 1, 2...): a Buffer body whose headers say whose upload and
 * which chunk. The uploader is named by id only: the bytes are checked against the upload it began.
 */
public record UploadChunk(String actorId, String fileId, long n, Buffer data) {

  public static final String ACTOR_ID = "actorId";
  public static final String FILE_ID = "fileId";
  public static final String N = "n";

  public DeliveryOptions headers() {
    return new DeliveryOptions()
        .addHeader(ACTOR_ID, actorId)
        .addHeader(FILE_ID, fileId)
        .addHeader(N, Long.toString(n));
  }

  /** Reads a chunk as it arrived: {@code invalid_input} for a bad {@code n}, or for anything missing. */
  public static UploadChunk parse(MultiMap headers, Buffer body) {
    long n;
    try {
      n = Long.parseLong(headers.get(N));
    } catch (NumberFormatException e) {
      throw ServiceError.invalid(N, "must be a whole number");
    }
    String actorId = headers.get(ACTOR_ID);
    String fileId = headers.get(FILE_ID);
    if (actorId == null || fileId == null || body == null || n < 0) {
      throw ServiceError.invalid("chunk", "needs actorId, fileId, n and bytes");
    }
    return new UploadChunk(actorId, fileId, n, body);
  }
}
