package io.parley.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries: a strict CSP (no inline script), no sniffing, no framing, no referrer; API
 * answers are not cached unless they say otherwise.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

  static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self' ws: wss:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(ignored -> {
      MultiMap headers = ctx.response().headers();
      headers.set("Content-Security-Policy", CSP);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("X-Frame-Options", "DENY");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Cross-Origin-Opener-Policy", "same-origin");
      // An answer that says how to cache itself (a versioned avatar) keeps its word; other API answers are not kept.
      if (ctx.request().path().startsWith("/api/") && !headers.contains("Cache-Control")) {
        headers.set("Cache-Control", "no-store");
      }
    });
    ctx.next();
  }
}
