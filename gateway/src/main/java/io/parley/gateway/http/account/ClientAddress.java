package io.parley.gateway.http.account;

import io.vertx.ext.web.RoutingContext;

/**
 * The address a request came from, for per-address login throttling. Behind a trusted load balancer (nginx in
 * docker-compose.yml) every request comes from the balancer, so the client is the last address it appended to
 * {@code X-Forwarded-For}; earlier entries are the client's own say and are not trusted.
 */
public final class ClientAddress {

  private final boolean trustForwardedFor;

  public ClientAddress(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  public String of(RoutingContext ctx) {
    String peer = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (!trustForwardedFor || forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].trim();
    return last.isEmpty() ? peer : last;
  }
}
