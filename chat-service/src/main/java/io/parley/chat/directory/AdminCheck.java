package io.parley.chat.directory;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthAdminService;
import io.vertx.core.Future;

/**
 * Whether an actor may use admin powers now: the one place chat-service decides it. The role claim of an access
 * token is as old as the token, so a demoted admin's token says admin until it expires; auth-service answers
 * from the stored role and the ban, and decides. A token that does not even claim the role is refused without
 * asking, as the gateway refuses it at the admin API, so the question is only asked when an admin's action
 * needs the power.
 */
public final class AdminCheck {

  private final AuthAdminService auth;

  public AdminCheck(AuthAdminService auth) {
    this.auth = auth;
  }

  /** Succeeds when the actor is an admin now; fails with {@code refusal} when not. */
  public Future<Void> require(Actor actor, Throwable refusal) {
    if (!actor.isAdmin()) {
      return Future.failedFuture(refusal);
    }
    return auth.checkAdmin(actor).recover(failure -> {
      ServiceError answer = ServiceError.from(failure);
      return Future.failedFuture(answer.code() == ErrorCode.FORBIDDEN ? refusal : answer);
    });
  }
}
