package io.parley.auth.admin;

import io.parley.auth.account.UserListing;
import io.parley.auth.account.UserStore;
import io.parley.auth.session.SessionStore;
import io.parley.auth.totp.TwoFactor;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthAdminService;
import io.parley.contract.auth.RoleChange;
import io.parley.contract.auth.SessionsEnded;
import io.parley.contract.auth.UserBan;
import io.parley.contract.auth.UserSearch;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/** User administration, and the admin check other services ask for: admins only, through {@link AdminCheck}. */
public final class Administration implements AuthAdminService {

  private final UserStore users;
  private final SessionStore sessions;
  private final UserListing listing;
  private final TwoFactor twoFactor;
  private final AdminCheck check;

  public Administration(UserStore users, SessionStore sessions, UserListing listing, TwoFactor twoFactor) {
    this.users = users;
    this.sessions = sessions;
    this.listing = listing;
    this.twoFactor = twoFactor;
    this.check = new AdminCheck(users);
  }

  @Override
  public Future<List<User>> listUsers(Actor admin, UserSearch search) {
    return check.only(admin, () -> listing.search(search, true));
  }

  /** Marks the user banned, then ends their sessions: in that order, so a login racing the ban cannot win. */
  @Override
  public Future<User> setBanned(Actor admin, UserBan ban) {
    return check.only(admin, () -> {
      if (ban.userId().equals(admin.id())) {
        return Future.failedFuture(ServiceError.forbidden("Admins cannot ban themselves."));
      }
      return users.setBanned(ban.userId(), ban.banned()).compose(user -> {
        if (user == null) {
          return Future.failedFuture(ServiceError.notFound("User"));
        }
        Future<Void> ended = ban.banned()
            ? sessions.endAllOf(ban.userId(), SessionsEnded.BANNED)
            : Future.succeededFuture();
        return ended.map(ignored -> UserStore.adminView(user));
      });
    });
  }

  @Override
  public Future<User> setRole(Actor admin, RoleChange change) {
    return check.only(admin, () -> {
      if (change.userId().equals(admin.id())) {
        return Future.failedFuture(ServiceError.forbidden("Another admin must change your role."));
      }
      return users.setRole(change.userId(), change.role()).compose(user -> user == null
          ? Future.failedFuture(ServiceError.notFound("User"))
          : Future.succeededFuture(UserStore.adminView(user)));
    });
  }

  @Override
  public Future<Void> resetTwoFactor(Actor admin, String userId) {
    return check.only(admin, () -> users.findById(userId).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : twoFactor.reset(userId)));
  }

  @Override
  public Future<Long> countUsers(Actor admin) {
    return check.only(admin, users::count);
  }

  @Override
  public Future<Void> checkAdmin(Actor actor) {
    return check.only(actor, Future::succeededFuture);
  }
}
