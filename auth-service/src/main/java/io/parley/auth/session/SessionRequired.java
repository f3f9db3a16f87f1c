package io.parley.auth.session;

import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * The account's sign-in (password, sessions, two-factor sign-in, personal access tokens) is managed only from a
 * signed-in session: a personal access token that leaked must not let its holder lock the owner out, turn off
 * their second factor or mint itself successors.
 */
public final class SessionRequired {

  private SessionRequired() {
  }

  public static <T> Future<T> then(Actor actor, Supplier<Future<T>> action) {
    if (actor.viaToken() || actor.sessionId() == null) {
      return Future.failedFuture(ServiceError.forbidden(
          "A personal access token cannot do this: sign in with your password."));
    }
    return action.get();
  }
}
