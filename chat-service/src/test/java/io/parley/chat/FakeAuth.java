package io.parley.chat;

import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AccountService;
import io.parley.contract.auth.AuthAdminService;
import io.parley.contract.auth.PasswordChange;
import io.parley.contract.auth.Registration;
import io.parley.contract.auth.RoleChange;
import io.parley.contract.auth.UserBan;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * auth-service as chat-service needs it, and as a test says it is: the users it was given, and admins exactly
 * those it was told are. chat-service asks it for profiles and for the admin check, nothing else.
 */
final class FakeAuth implements AccountService, AuthAdminService {

  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Set<String> admins = ConcurrentHashMap.newKeySet();

  /** A new user; the actor a gateway would make of their token claims the role the test gives. */
  Actor add(String username, String claimedRole) {
    User user = new User(Ids.newId(), username, username.toUpperCase(), User.ROLE_USER, "2026-12-04T00:00:00Z", null,
        null);
    users.put(user.id(), user);
    return new Actor(user.id(), claimedRole, "session-of-" + username);
  }

  void setAdmin(Actor actor, boolean admin) {
    if (admin) {
      admins.add(actor.id());
    } else {
      admins.remove(actor.id());
    }
  }

  @Override
  public Future<List<User>> users(List<String> userIds) {
    return Future.succeededFuture(userIds.stream().map(users::get).filter(Objects::nonNull).toList());
  }

  @Override
  public Future<Void> checkAdmin(Actor actor) {
    return admins.contains(actor.id())
        ? Future.succeededFuture()
        : Future.failedFuture(ServiceError.forbidden("Admins only."));
  }

  @Override
  public Future<User> register(Registration registration) {
    return unused();
  }

  @Override
  public Future<User> user(String userId) {
    return unused();
  }

  @Override
  public Future<List<User>> search(Actor actor, UserSearch search) {
    return unused();
  }

  @Override
  public Future<Void> changePassword(Actor actor, PasswordChange change) {
    return unused();
  }

  @Override
  public Future<List<User>> listUsers(Actor admin, UserSearch search) {
    return unused();
  }

  @Override
  public Future<User> setBanned(Actor admin, UserBan ban) {
    return unused();
  }

  @Override
  public Future<User> setRole(Actor admin, RoleChange change) {
    return unused();
  }

  @Override
  public Future<Void> resetTwoFactor(Actor admin, String userId) {
    return unused();
  }

  @Override
  public Future<Long> countUsers(Actor admin) {
    return unused();
  }

  private static <T> Future<T> unused() {
    return Future.failedFuture(new UnsupportedOperationException("chat-service does not ask this"));
  }
}
