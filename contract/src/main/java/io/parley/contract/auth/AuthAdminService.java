package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * User administration, and the admin check other services ask for. Every call is refused {@code forbidden}
 * unless the actor's stored user is an admin and not banned: the access token's role claim is never trusted,
 * so a demoted or banned admin loses these powers at once. A personal access token never has these powers.
 */
public interface AuthAdminService {

  /** As {@link AccountService#search}, banned users included, each with {@code banned}. */
  Future<List<User>> listUsers(Actor admin, UserSearch search);

  /** The user with {@code banned}. A ban ends every session of the user (reason {@code banned}); never oneself. */
  Future<User> setBanned(Actor admin, UserBan ban);

  /** The user with {@code banned}, in their new role; never oneself. */
  Future<User> setRole(Actor admin, RoleChange change);

  /** Turns off the user's two-factor sign-in, for a user who lost both their device and recovery codes. */
  Future<Void> resetTwoFactor(Actor admin, String userId);

  /** How many accounts exist. */
  Future<Long> countUsers(Actor admin);

  /** Succeeds only when the actor is an admin now. */
  Future<Void> checkAdmin(Actor actor);
}
