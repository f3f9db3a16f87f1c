package io.parley.gateway.http.file;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.file.FileRef;
import io.parley.contract.file.FileService;
import io.parley.contract.file.UploadChunk;
import io.parley.contract.file.UploadFinish;
import io.parley.contract.file.UploadStart;
import io.parley.contract.model.Attachment;
import io.parley.gateway.http.LingeringClose;
import io.parley.gateway.http.Problems;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * One {@code POST /api/files}: the multipart body is read as it arrives and its file part is passed on to
 * chat-service in chunks of the size it set ({@link UploadBounds}), one request at a time. The HTTP request is
 * paused while a chunk is on its way, so the client can send no faster than the store takes the bytes, and the
 * gateway holds at most one chunk. Whatever goes wrong, what was stored of the upload is discarded.
 *
 * <p>The room may come as {@code ?roomId=} or as a form field; when it comes before the file, a non-member is
 * refused before any byte is stored. chat-service checks membership again when the upload finishes.
 */
final class StreamedUpload implements MultipartReader.Parts {

  private final RoutingContext ctx;
  private final HttpServerRequest request;
  private final Actor actor;
  private final FileService files;

  private MultipartReader reader;
  private String roomId;
  private String fileName;
  private String declaredType;
  private String fileId;
  private final UploadBounds bounds = new UploadBounds();
  private long nextChunk;
  private Buffer chunk = Buffer.buffer();
  private boolean fileStarted;
  private boolean startAsked;
  private boolean fileEnded;
  private boolean requestEnded;
  private boolean busy;
  private boolean done;
  /** The request to chat-service in flight, so an abort goes after it and no chunk lands after the abort. */
  private Future<?> inFlight = Future.succeededFuture();

  StreamedUpload(RoutingContext ctx, Actor actor, FileService files) {
    this.ctx = ctx;
    this.request = ctx.request();
    this.actor = actor;
    this.files = files;
  }

  void start() {
    reader = MultipartReader.forContentType(request.getHeader("Content-Type"), this);
    if (reader == null) {
      fail(ServiceError.invalid("body", "must be multipart/form-data with a boundary"));
      return;
    }
    roomId = ctx.queryParams().get("roomId");
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      ctx.response().writeContinue();
    }
    request.handler(data -> {
      try {
        reader.feed(data);
        pump();
      } catch (MultipartReader.MalformedBody e) {
        fail(ServiceError.invalid("body", e.getMessage()));
      }
    });
    request.endHandler(ignored -> {
      requestEnded = true;
      try {
        reader.end();
        pump();
      } catch (MultipartReader.MalformedBody e) {
        fail(ServiceError.invalid("body", e.getMessage()));
      }
    });
    request.exceptionHandler(failure -> fail(new ServiceError(ErrorCode.INVALID_INPUT, "The upload broke off.")));
    // Through the context, not the response's close handler, which would replace the one the request log needs.
    ctx.addEndHandler(ended -> {
      if (ended.failed()) {
        fail(new ServiceError(ErrorCode.INVALID_INPUT, "The client went away."));
      }
    });
    request.resume();
  }

  @Override
  public void field(String name, String value) {
    if ("roomId".equals(name) && roomId == null) {
      roomId = value;
    }
  }

  @Override
  public void fileStart(String field, String filename, String contentType) {
    if (!"file".equals(field) || fileStarted) {
      fail(ServiceError.invalid("file", "send exactly one file, in the field named file"));
      return;
    }
    fileStarted = true;
    fileName = filename;
    declaredType = contentType;
  }

  @Override
  public void fileData(Buffer data) {
    if (done) {
      return;
    }
    if (!bounds.receivedWithin(data.length())) {
      fail(bounds.tooLarge());
      return;
    }
    chunk.appendBuffer(data);
  }

  @Override
  public void fileEnd() {
    fileEnded = true;
  }

  /** Does the next thing the upload needs, or reads on when there is nothing to do but wait for bytes. */
  private void pump() {
    if (done || busy) {
      return;
    }
    if (fileStarted && !startAsked) {
      startAsked = true;
      call(() -> files.startUpload(actor, UploadStart.of(roomId, fileName, declaredType)).map(started -> {
        fileId = started.fileId();
        bounds.set(started.maxBytes(), started.chunkBytes());
        return null;
      }));
      return;
    }
    if (fileId != null && bounds.exceeded(request)) {
      fail(bounds.tooLarge());
      return;
    }
    if (fileId != null && (bounds.fillsAChunk(chunk.length()) || (fileEnded && chunk.length() > 0))) {
      Buffer toSend = chunk;
      chunk = Buffer.buffer();
      call(() -> files.appendChunk(new UploadChunk(actor.id(), fileId, nextChunk++, toSend)));
      return;
    }
    if (requestEnded) {
      finish();
      return;
    }
    request.resume();
  }

  private void finish() {
    if (!fileStarted || !fileEnded) {
      fail(ServiceError.invalid("file", "is required"));
      return;
    }
    UploadFinish finish;
    try {
      finish = UploadFinish.of(fileId, roomId);
    } catch (ServiceError refused) {
      fail(refused); // refused here, so chat-service still holds the upload: fail() discards it
      return;
    }
    busy = true;
    Future<Attachment> finished = files.finishUpload(actor, finish);
    inFlight = finished;
    finished
        .onSuccess(file -> {
          done = true;
          ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(file.toJson().encode());
        })
        // chat-service discards a failed finish itself.
        .onFailure(failure -> {
          fileId = null;
          fail(failure);
        });
  }

  /** Runs one request to chat-service with the HTTP request paused, then goes on; one the contract refuses fails. */
  private void call(Supplier<Future<?>> send) {
    // compose turns a refusal thrown while the request is made into its failure.
    Future<?> work = Future.succeededFuture().compose(ignored -> send.get());
    busy = true;
    request.pause();
    inFlight = work;
    work.onComplete(result -> {
      busy = false;
      if (result.succeeded()) {
        pump();
      } else {
        fail(result.cause());
      }
    });
  }

  /**
   * Discards what was stored of the upload, then answers with a problem (so a client told no finds nothing
   * left), and, when the client is still sending, ends the connection after the answer so that it stops.
   */
  private void fail(Throwable failure) {
    if (done) {
      return;
    }
    done = true;
    request.pause();
    chunk = Buffer.buffer();
    // After the request in flight, which may be the start that names the upload.
    Future<Void> discarded = inFlight.transform(ignored -> fileId == null
        ? Future.<Void>succeededFuture()
        : files.abortUpload(actor, new FileRef(fileId)).transform(aborted -> Future.<Void>succeededFuture()));
    discarded.onComplete(ignored -> {
      if (ctx.response().ended() || ctx.response().closed()) {
        return;
      }
      if (!requestEnded) {
        LingeringClose.afterAnswer(ctx);
      }
      Problems.send(ctx, failure);
    });
  }
}
