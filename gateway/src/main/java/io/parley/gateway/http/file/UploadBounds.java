package io.parley.gateway.http.file;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.http.HttpServerRequest;

/**
 * The sizes chat-service set for one upload when it started it (the file's limit and the chunk it stores at a
 * time), and the file's bytes received so far. Unbounded until then: a body is refused only against a known limit.
 */
final class UploadBounds {

  /** What a multipart body may add to the file's bytes in its Content-Length: boundaries, headers, fields. */
  private static final long MULTIPART_OVERHEAD = 16 * 1024;

  private long maxBytes = Long.MAX_VALUE;
  private long chunkBytes;
  private long received;

  void set(long maxBytes, long chunkBytes) {
    this.maxBytes = maxBytes;
    this.chunkBytes = chunkBytes;
  }

  /** Counts more of the file's bytes; false once they are past the limit. */
  boolean receivedWithin(long bytes) {
    received += bytes;
    return received <= maxBytes;
  }

  /** Past the limit by the bytes received, or by what the request declares it will send. */
  boolean exceeded(HttpServerRequest request) {
    return received > maxBytes || declaredTooLarge(request.getHeader("Content-Length"));
  }

  boolean fillsAChunk(long bytes) {
    return bytes >= chunkBytes;
  }

  ServiceError tooLarge() {
    return new ServiceError(ErrorCode.TOO_LARGE, "Files are at most " + maxBytes + " bytes.");
  }

  private boolean declaredTooLarge(String length) {
    try {
      return length != null && Long.parseLong(length.trim()) > maxBytes + MULTIPART_OVERHEAD;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
