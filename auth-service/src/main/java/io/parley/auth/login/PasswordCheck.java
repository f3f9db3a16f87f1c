package io.parley.auth.login;

import io.parley.auth.account.UserStore;
import io.parley.auth.password.PasswordHasher;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.Credentials;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Whether a username and password may log in: checked against the throttle, the stored hash and bans. */
public final class PasswordCheck {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;

  public PasswordCheck(UserStore users, PasswordHasher hasher, LoginThrottle throttle) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
  }

  /**
   * The user the credentials are right for. Throttled before any hashing, so a blocked guesser costs no CPU. An
   * unknown username spends the time of a real verification and counts as a failure too, so neither timing nor
   * throttling tells which names exist.
   */
  public Future<JsonObject> verify(Credentials credentials) {
    String usernameKey = UserStore.usernameKey(credentials.username());
    String clientAddress = credentials.clientAddress();
    String password = credentials.password();
    return throttle.checkAllowed(usernameKey, clientAddress)
        .compose(allowed -> users.findByUsername(credentials.username()))
        .compose(user -> user == null
            ? hasher.verifyDecoy(password).map(ignored -> (JsonObject) null)
            : hasher.verify(password, UserStore.passwordHash(user)).map(ok -> ok ? user : null))
        .compose(user -> {
          if (user == null) {
            return throttle.recordFailure(usernameKey, clientAddress).compose(ignored -> Future.failedFuture(
                new ServiceError(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.")));
          }
          if (UserStore.isBanned(user)) {
            return Future.failedFuture(UserStore.bannedAccount());
          }
          return throttle.forgetUsername(usernameKey).map(ignored -> user);
        });
  }
}
