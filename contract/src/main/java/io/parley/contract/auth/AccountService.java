package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * auth-service's accounts: sign-up and the user directory. Lists say whether each user is {@code online} as
 * presence-service reports it, and leave it out rather than guess when presence-service does not answer.
 */
public interface AccountService {

  /**
   * A new account; the first one ever is an admin. Fails {@code weak_password} listing every password rule
   * broken, {@code username_taken} for a name that exists in any case.
   */
  Future<User> register(Registration registration);

  /** One user, with {@code online}; {@code not_found} for an unknown id. */
  Future<User> user(String userId);

  /** The users of these ids that exist, without {@code online}: how other services render senders and members. */
  Future<List<User>> users(List<String> userIds);

  /** Users not banned, by {@link UserSearch}, each with {@code online}; for any signed-in user. */
  Future<List<User>> search(Actor actor, UserSearch search);

  /**
   * Changes the actor's password: {@code bad_password} when the current one is wrong (counted by the login
   * throttle, so {@code rate_limited} after repeated failures), {@code weak_password} by the sign-up rules. Every
   * other session of the user ends (reason {@code password_changed}); the actor's own goes on.
   */
  Future<Void> changePassword(Actor actor, PasswordChange change);
}
