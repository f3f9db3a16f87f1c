package io.parley.auth.login;

import io.parley.auth.account.UserStore;
import io.parley.auth.password.PasswordHasher;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.Credentials;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Whether a password is right: for a login (against the throttle, the stored hash and bans), and for a signed-in
 * user confirming a change with their current password, which is throttled the same way, so a stolen access
 * token does not make the password guessable.
 */
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
   * throttling tells which names exist. The username's failures are forgotten only by {@link #succeeded}, once
   * every factor was right.
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
          return Future.succeededFuture(user);
        });
  }

  /** A successful login proves the owner: their username's failures are forgotten (the address's are not). */
  public Future<Void> succeeded(Credentials credentials) {
    return throttle.forgetUsername(UserStore.usernameKey(credentials.username()));
  }

  /** Succeeds when the password is the user's; else {@code bad_password}, counted as a failed login. */
  public Future<Void> confirm(JsonObject user, String password) {
    String usernameKey = UserStore.usernameKey(user.getString("username"));
    return throttle.checkAllowed(usernameKey, null)
        .compose(allowed -> hasher.verify(password, UserStore.passwordHash(user)))
        .compose(right -> right
            ? Future.<Void>succeededFuture()
            : throttle.recordFailure(usernameKey, null).compose(ignored -> Future.failedFuture(
                new ServiceError(ErrorCode.BAD_PASSWORD, "The password is wrong."))));
  }

  /** Counts a wrong second factor as a failed login of this user, from this address when it is known. */
  public Future<Void> recordFailure(JsonObject user, String clientAddress) {
    return throttle.recordFailure(UserStore.usernameKey(user.getString("username")), clientAddress);
  }

  /** Succeeds while the user may still try: for second-factor attempts made outside a login. */
  public Future<Void> checkAllowed(JsonObject user) {
    return throttle.checkAllowed(UserStore.usernameKey(user.getString("username")), null);
  }
}
