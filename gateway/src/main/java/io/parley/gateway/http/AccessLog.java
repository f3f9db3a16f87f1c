package io.parley.gateway.http;

import io.parley.contract.ErrorCode;
import io.parley.contract.bus.RequestLog;
import io.parley.gateway.GatewayMetrics;
import io.parley.platform.logging.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * First on every HTTP request: gives it its request id (the client's {@code X-Request-Id} when it is acceptable,
 * else a new one), which every event-bus request made for it carries and its answer echoes; and when the answer
 * ends, counts a problem document by its code and writes the request log's line (also for a request whose
 * connection closed before its answer was sent).
 */
public final class AccessLog implements Handler<RoutingContext> {

  public static final String HEADER = "X-Request-Id";

  private final GatewayMetrics metrics;

  public AccessLog(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = RequestIds.accept(ctx.request().getHeader(HEADER));
    RequestIds.adopt(id);
    ctx.response().putHeader(HEADER, id);
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> {
      ErrorCode refused = Problems.sent(ctx);
      if (refused != null) {
        metrics.refused(GatewayMetrics.Via.REST, refused);
      }
      if (!RequestLog.LOG.isInfoEnabled()) {
        return;
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (ended.succeeded()) {
        RequestLog.LOG.info("{} {} {} in {} ms", ctx.request().method(), route(ctx), ctx.response().getStatusCode(),
            millis);
      } else if (ctx.response().headWritten()) {
        // A streamed answer (a download, a SockJS stream) the client left before its end.
        RequestLog.LOG.info("{} {} {} cut off after {} ms: {}", ctx.request().method(), route(ctx),
            ctx.response().getStatusCode(), millis, ended.cause().getMessage());
      } else {
        // The status would be the default 200 of an answer never sent.
        RequestLog.LOG.info("{} {} not answered after {} ms: {}", ctx.request().method(), route(ctx), millis,
            ended.cause().getMessage());
      }
    });
    ctx.next();
  }

  /** The route's pattern ({@code /api/rooms/:id}), never the path itself, which may hold a secret. */
  private static String route(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    return route == null || route.getPath() == null ? "(no route)" : route.getPath();
  }
}
