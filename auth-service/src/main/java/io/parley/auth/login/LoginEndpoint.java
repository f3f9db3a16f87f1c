package io.parley.auth.login;

import io.parley.auth.account.UserStore;
import io.parley.auth.password.PasswordHasher;
import io.parley.auth.session.SessionStore;
import io.parley.auth.session.TokenPairs;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Login: a username and password, checked against the throttle and the stored hash, open a session. */
public final class LoginEndpoint {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionStore sessions;
  private final TokenPairs pairs;

  public LoginEndpoint(UserStore users, PasswordHasher hasher, LoginThrottle throttle, SessionStore sessions,
      TokenPairs pairs) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.sessions = sessions;
    this.pairs = pairs;
  }

  public void mount(BusEndpoints endpoints) {
    endpoints.serve(Addresses.AUTH_LOGIN, this::login);
  }

  /**
   * Throttled before any hashing, so a blocked guesser costs no CPU. An unknown username spends the time of a
   * real verification and counts as a failure too, so neither timing nor throttling tells which names exist.
   */
  private Future<JsonObject> login(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Limits.PASSWORD_MAX_CHARS);
    fields.throwIfInvalid();
    String clientAddress = request.getValue("clientAddress") instanceof String address ? address : null;
    String usernameKey = UserStore.usernameKey(username);
    return throttle.checkAllowed(usernameKey, clientAddress)
        .compose(allowed -> users.findByUsername(username))
        .compose(user -> user == null
            ? hasher.verifyDecoy(password).map(ignored -> (JsonObject) null)
            : hasher.verify(password, UserStore.passwordHash(user)).map(ok -> ok ? user : null))
        .compose(user -> {
          if (user == null) {
            return throttle.recordFailure(usernameKey, clientAddress).compose(ignored -> Future.failedFuture(
                new ServiceError(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.")));
          }
          if (UserStore.isBanned(user)) {
            return Future.failedFuture(TokenPairs.banned());
          }
          return throttle.forgetUsername(usernameKey)
              .compose(ignored -> sessions.open(user.getString("_id")))
              .compose(pairs::issue);
        });
  }
}
