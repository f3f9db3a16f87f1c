package io.parley.auth.account;

import io.parley.auth.password.PasswordHasher;
import io.parley.auth.password.PasswordPolicy;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AccountService;
import io.parley.contract.auth.Registration;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/** Sign-up and the user directory: who exists, and what anyone may see of them. */
public final class Accounts implements AccountService {

  private final UserStore users;
  private final UserListing listing;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;

  public Accounts(UserStore users, UserListing listing, PasswordPolicy policy, PasswordHasher hasher) {
    this.users = users;
    this.listing = listing;
    this.policy = policy;
    this.hasher = hasher;
  }

  @Override
  public Future<User> register(Registration registration) {
    List<FieldError> weak = policy.check(registration.password(), registration.username());
    if (!weak.isEmpty()) {
      return Future.failedFuture(new ServiceError(ErrorCode.WEAK_PASSWORD, "The password breaks " + weak.size()
          + (weak.size() == 1 ? " rule." : " rules."), weak, 0));
    }
    return hasher.hash(registration.password())
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
}
