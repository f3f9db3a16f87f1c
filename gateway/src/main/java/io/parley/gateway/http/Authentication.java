package io.parley.gateway.http;

import io.parley.contract.Actor;
import io.parley.gateway.session.AccessTokens;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets a request through only with a valid {@code Authorization: Bearer} access token; puts its actor. */
public final class Authentication implements Handler<RoutingContext> {

  private static final String ACTOR = "parley.actor";
  private static final String BEARER = "Bearer ";

  private final AccessTokens tokens;

  public Authentication(AccessTokens tokens) {
    this.tokens = tokens;
  }

  public static Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).trim()
        : null;
    tokens.verify(token)
        .onSuccess(actor -> {
          ctx.put(ACTOR, actor);
          ctx.next();
        })
        .onFailure(failure -> Problems.send(ctx, failure));
  }
}
