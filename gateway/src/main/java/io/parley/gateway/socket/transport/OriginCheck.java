package io.parley.gateway.socket.transport;

import io.parley.contract.ErrorCode;
import io.parley.gateway.http.Problems;
import io.parley.gateway.http.RequestOrigin;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a socket handshake ({@code /ws}, {@code /sockjs}) sent by a page of another site: its {@code Origin} is
 * present and is neither this server's own origin nor one listed in {@code PARLEY_ALLOWED_ORIGINS}, so it is
 * answered 403 and no socket opens. That stops cross-site WebSocket hijacking by a page a signed-in user visits.
 * Clients that send no Origin (curl, bots) are not browsers acting for someone else, and pass.
 *
 * <p>The own origin is the scheme and the {@code Host} the request came to ({@link RequestOrigin}); behind a
 * trusted proxy the scheme is the client's, from {@code X-Forwarded-Proto}.
 */
public final class OriginCheck implements Handler<RoutingContext> {

  private final List<String> allowed;
  private final RequestOrigin own;

  public OriginCheck(List<String> allowed, boolean trustForwarded) {
    this.allowed = allowed.stream().map(RequestOrigin::withoutDefaultPort).toList();
    this.own = new RequestOrigin(trustForwarded);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      ctx.next();
      return;
    }
    String given = RequestOrigin.withoutDefaultPort(origin.strip().toLowerCase(Locale.ROOT));
    if (given.equals(own.of(ctx.request())) || allowed.contains(given)) {
      ctx.next();
    } else {
      Problems.send(ctx, ErrorCode.FORBIDDEN, "Sockets may not be opened from this origin.");
    }
  }
}
