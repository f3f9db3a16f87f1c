package io.parley.gateway;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * A multipart upload whose file bytes are made as they are sent, so the client side holds none of them: a
 * {@code roomId} field, then {@code fileBytes} pseudo-random bytes (after an optional prefix such as an image's
 * magic number), then the closing boundary. It can stop once a given number of file bytes is out, to let a
 * test look at the server mid-upload, and it keeps the SHA-256 of what it sent.
 */
final class GeneratedUpload implements ReadStream<Buffer> {

  private static final int PIECE = 16 * 1024;

  private final Context context;
  private final Buffer head;
  private final Buffer prefix;
  private final long fileBytes;
  private final Random random = new Random(42);
  private final MessageDigest sha256;
  private final Promise<Void> held = Promise.promise();
  private long holdAt = -1;
  private long sent;
  private boolean headSent;
  private boolean ended;
  private long demand = Long.MAX_VALUE;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;

  GeneratedUpload(Vertx vertx, String roomId, String filename, String contentType, Buffer prefix, long fileBytes) {
    this.context = vertx.getOrCreateContext();
    this.head = Buffer.buffer()
        .appendString("--" + MultipartBody.BOUNDARY + "\r\n")
        .appendString("Content-Disposition: form-data; name=\"roomId\"\r\n\r\n" + roomId + "\r\n")
        .appendString("--" + MultipartBody.BOUNDARY + "\r\n")
        .appendString("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n")
        .appendString("Content-Type: " + contentType + "\r\n\r\n");
    this.prefix = prefix;
    this.fileBytes = fileBytes;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body's whole length, for a Content-Length header. */
  long length() {
    return head.length() + fileBytes + tail().length();
  }

  /** Stops sending once this many file bytes are out; {@link #held()} completes then. */
  GeneratedUpload holdAt(long bytes) {
    holdAt = bytes;
    return this;
  }

  io.vertx.core.Future<Void> held() {
    return held.future();
  }

  void release() {
    context.runOnContext(ignored -> {
      holdAt = -1;
      emit();
    });
  }

  String sha256() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  @Override
  public GeneratedUpload handler(Handler<Buffer> handler) {
    this.handler = handler;
    context.runOnContext(ignored -> emit());
    return this;
  }

  @Override
  public GeneratedUpload pause() {
    demand = 0;
    return this;
  }

  @Override
  public GeneratedUpload resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public GeneratedUpload fetch(long amount) {
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    context.runOnContext(ignored -> emit());
    return this;
  }

  @Override
  public GeneratedUpload endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public GeneratedUpload exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  private void emit() {
    while (handler != null && demand > 0 && !ended) {
      if (holdAt >= 0 && sent >= holdAt) {
        held.tryComplete();
        return;
      }
      demand = demand == Long.MAX_VALUE ? demand : demand - 1;
      if (!headSent) {
        headSent = true;
        handler.handle(head);
      } else if (sent < fileBytes) {
        handler.handle(nextPiece());
      } else {
        ended = true;
        handler.handle(tail());
        if (endHandler != null) {
          endHandler.handle(null);
        }
      }
    }
  }

  private Buffer nextPiece() {
    int size = (int) Math.min(PIECE, fileBytes - sent);
    byte[] piece = new byte[size];
    random.nextBytes(piece);
    int fromPrefix = (int) Math.max(0, Math.min(size, prefix.length() - sent));
    if (fromPrefix > 0) {
      prefix.getBytes((int) sent, (int) sent + fromPrefix, piece, 0);
    }
    sent += size;
    sha256.update(piece);
    return Buffer.buffer(piece);
  }

  private static Buffer tail() {
    return Buffer.buffer("\r\n--" + MultipartBody.BOUNDARY + "--\r\n");
  }
}
