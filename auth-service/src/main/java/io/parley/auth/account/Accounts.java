package io.parley.auth.account;

import io.parley.auth.login.PasswordCheck;
import io.parley.auth.password.PasswordHasher;
import io.parley.auth.password.PasswordPolicy;
import io.parley.auth.session.SessionRequired;
import io.parley.auth.session.SessionStore;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AccountService;
import io.parley.contract.auth.PasswordChange;
import io.parley.contract.auth.Registration;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/** Sign-up, password changes and the user directory: who exists, and what anyone may see of them. */
public final class Accounts implements AccountService {

  private final UserStore users;
  private final UserListing listing;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;
  private final PasswordCheck passwords;
  private final SessionStore sessions;

  public Accounts(UserStore users, UserListing listing, PasswordPolicy policy, PasswordHasher hasher,
      PasswordCheck passwords, SessionStore sessions) {
    this.users = users;
    this.listing = listing;
    this.policy = policy;
    this.hasher = hasher;
    this.passwords = passwords;
    this.sessions = sessions;
  }

  @Override
  public Future<User> register(Registration registration) {
    return strongEnough(registration.password(), registration.username(), "password")
        .compose(strong -> hasher.hash(registration.password()))
        .compose(hash -> users.create(registration.username(), registration.shownName(), hash))
        .map(UserStore::view);
  }

  @Override
  public Future<User> user(String userId) {
    return users.findById(userId).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : listing.one(user));
  }

  @Override
  public Future<List<User>> users(List<String> userIds) {
    return users.findByIds(userIds).map(found -> found.stream().map(UserStore::view).toList());
  }

  @Override
  public Future<List<User>> search(Actor actor, UserSearch search) {
    return listing.search(search, false);
  }

  /** The current password first (throttled like logins), then the rules, then every other session ends. */
  @Override
  public Future<Void> changePassword(Actor actor, PasswordChange change) {
    return SessionRequired.then(actor, () -> users.findById(actor.id()).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : passwords.confirm(user, change.currentPassword())
            .compose(right -> strongEnough(change.newPassword(), user.getString("username"), "newPassword"))
            .compose(strong -> hasher.hash(change.newPassword()))
            .compose(hash -> users.setPasswordHash(actor.id(), hash))
            .compose(updated -> sessions.endAllBut(actor.id(), actor.sessionId(), SessionsEnded.PASSWORD_CHANGED))
            .mapEmpty()));
  }

  /** {@code weak_password} listing every rule broken, each under the request's field. */
  private Future<Void> strongEnough(String password, String username, String field) {
    List<FieldError> weak = policy.check(password, username).stream()
        .map(broken -> new FieldError(field, broken.message())).toList();
    return weak.isEmpty() ? Future.succeededFuture() : Future.failedFuture(new ServiceError(
        ErrorCode.WEAK_PASSWORD, "The password breaks " + weak.size() + (weak.size() == 1 ? " rule." : " rules."),
        weak, 0));
  }
}
