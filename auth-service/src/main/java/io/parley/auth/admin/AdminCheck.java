package io.parley.auth.admin;

import io.parley.auth.account.UserStore;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Whether the actor of a request is an admin now: by the stored role, and not banned. The access token's role
 * claim is never trusted for this, so a demoted or banned admin loses these powers at once rather than when the
 * token expires. Every admin endpoint is served through {@link #only}.
 */
final class AdminCheck {

  private final UserStore users;

  AdminCheck(UserStore users) {
    this.users = users;
  }

  /** The handler, run for an admin only; anyone else is refused {@code forbidden}. */
  Function<JsonObject, Future<JsonObject>> only(BiFunction<Actor, JsonObject, Future<JsonObject>> handler) {
    return request -> require(Actor.of(request)).compose(admin -> handler.apply(admin, request));
  }

  private Future<Actor> require(Actor actor) {
    return users.findById(actor.id()).compose(user -> {
      boolean admin = user != null && Actor.ROLE_ADMIN.equals(user.getString("role")) && !UserStore.isBanned(user);
      return admin
          ? Future.succeededFuture(actor)
          : Future.failedFuture(ServiceError.forbidden("Only admins may do this."));
    });
  }
}
