package io.parley.gateway.http.admin;

import io.parley.contract.auth.AuthAdminService;
import io.parley.gateway.http.Authentication;
import io.parley.gateway.http.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's one admin check: a request under {@code /api/admin} goes on only when auth-service says its
 * actor is an admin now (the stored role of a user not banned). The token's role claim is never trusted, so a
 * demoted or banned admin is refused at once, not when the token expires.
 */
final class AdminGate implements Handler<RoutingContext> {

  private final AuthAdminService admin;

  AdminGate(AuthAdminService admin) {
    this.admin = admin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    admin.checkAdmin(Authentication.actor(ctx))
        .onSuccess(admin -> ctx.next())
        .onFailure(failure -> Problems.send(ctx, failure));
  }
}
