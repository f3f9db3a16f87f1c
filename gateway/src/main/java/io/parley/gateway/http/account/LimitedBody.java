package io.parley.gateway.http.account;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.gateway.http.LingeringClose;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a paused request's whole body, up to {@code maxBytes}. Past it (declared in Content-Length or counted as
 * it streams) the read stops and fails {@code too_large}, and the connection ends once that is answered
 * ({@link LingeringClose}), so a client still sending does not wait on a server that stopped reading, nor make it
 * read on for long.
 */
final class LimitedBody {

  private LimitedBody() {
  }

  static Future<Buffer> read(RoutingContext ctx, int maxBytes) {
    HttpServerRequest request = ctx.request();
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    String declared = request.getHeader("Content-Length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
      return tooLarge(ctx, maxBytes);
    }
    request.handler(chunk -> {
      if (received.length() + chunk.length() > maxBytes) {
        request.pause();
        tooLarge(ctx, maxBytes).onFailure(body::tryFail);
      } else {
        received.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(body::tryFail);
    request.endHandler(ended -> body.tryComplete(received));
    request.resume();
    return body.future();
  }

  private static Future<Buffer> tooLarge(RoutingContext ctx, int maxBytes) {
    LingeringClose.afterAnswer(ctx);
    return Future.failedFuture(new ServiceError(ErrorCode.TOO_LARGE, "An avatar is at most " + maxBytes
        + " bytes."));
  }
}
