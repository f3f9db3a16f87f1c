package io.parley.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends a request whose body is refused while the client may still be sending it (an upload over its limit).
 * Over HTTP/1.x, once the answer is written, what the client goes on sending is read and dropped, up to
 * {@link #MAX_BYTES} or for {@link #MAX_MS}, and then the connection is closed: closing a socket that holds
 * unread data makes the kernel reset the connection, and a client still sending then loses the answer that was
 * already on its way (the 413 that says why). Past either bound it closes anyway, so a refused upload never costs
 * the server more than that.
 */
public final class LingeringClose {

  static final long MAX_BYTES = 8L * 1024 * 1024;
  static final long MAX_MS = 2_000;

  private LingeringClose() {
  }

  /** Call before the answer is sent: the request ends after it (through vertx-web, so access logs still run). */
  public static void afterAnswer(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    ctx.response().putHeader("Connection", "close");
    ctx.addEndHandler(answered -> {
      if (answered.succeeded()) {
        drainThenClose(ctx.vertx(), request);
      } else {
        request.connection().close();
      }
    });
  }

  private static void drainThenClose(Vertx vertx, HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (request.isEnded()) {
      connection.close();
      return;
    }
    long timer = vertx.setTimer(MAX_MS, late -> connection.close());
    Runnable close = () -> {
      vertx.cancelTimer(timer);
      connection.close();
    };
    long[] dropped = {0};
    request.handler(data -> {
      dropped[0] += data.length();
      if (dropped[0] > MAX_BYTES) {
        close.run();
      }
    });
    request.endHandler(ended -> close.run());
    request.exceptionHandler(broken -> close.run());
    request.resume();
  }
}
