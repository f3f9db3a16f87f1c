package io.parley.auth.admin;

import io.parley.auth.account.UserStore;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Whether the actor of a request is an admin now: by the stored role, and not banned. The access token's role
 * claim is never trusted for this, so a demoted or banned admin loses these powers at once rather than when the
 * token expires. A personal access token never has them, whoever it belongs to. Every admin operation is run
 * through {@link #only}.
 */
final class AdminCheck {

  private final UserStore users;

  AdminCheck(UserStore users) {
    this.users = users;
  }

  /** The action, run for an admin only; anyone else is refused {@code forbidden}. */
  <T> Future<T> only(Actor actor, Supplier<Future<T>> action) {
    if (actor.viaToken()) {
      return Future.failedFuture(ServiceError.forbidden("Personal access tokens never reach the admin API."));
    }
    return users.findById(actor.id()).compose(user -> {
      boolean admin = user != null && User.ROLE_ADMIN.equals(user.getString("role")) && !UserStore.isBanned(user);
      return admin ? action.get() : Future.failedFuture(ServiceError.forbidden("Only admins may do this."));
    });
  }
}
