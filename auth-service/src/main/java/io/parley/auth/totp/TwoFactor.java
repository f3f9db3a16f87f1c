package io.parley.auth.totp;

import io.parley.auth.account.UserStore;
import io.parley.auth.keys.SecretBox;
import io.parley.auth.keys.Secrets;
import io.parley.auth.login.PasswordCheck;
import io.parley.auth.session.SessionRequired;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.Credentials;
import io.parley.contract.auth.RecoveryCodes;
import io.parley.contract.auth.TotpCode;
import io.parley.contract.auth.TotpDisable;
import io.parley.contract.auth.TotpEnrolment;
import io.parley.contract.auth.TwoFactorService;
import io.parley.contract.auth.TwoFactorStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Two-factor sign-in: enrolment, confirmation, turning it off, and the second step of a login. The secret is
 * sealed in the store ({@link SecretBox}) and shown only in the enrolment answer. A code is accepted once: the
 * step of every code used is remembered. Wrong codes count against the login throttle.
 */
public final class TwoFactor implements TwoFactorService {

  /** RFC 4226 recommends a 160-bit key for HMAC-SHA-1. */
  private static final int SECRET_BYTES = 20;

  private final Vertx vertx;
  private final TotpStore store;
  private final SecretBox box;
  private final UserStore users;
  private final PasswordCheck passwords;
  private final String issuer;
  private final Clock clock;

  public TwoFactor(Vertx vertx, MongoClient mongo, SecretBox box, UserStore users, PasswordCheck passwords,
      String issuer, Clock clock) {
    this.vertx = vertx;
    this.store = new TotpStore(mongo);
    this.box = box;
    this.users = users;
    this.passwords = passwords;
    this.issuer = issuer;
    this.clock = clock;
  }

  @Override
  public Future<TotpEnrolment> enrolTotp(Actor actor) {
    return SessionRequired.then(actor, () -> user(actor).compose(user -> {
      byte[] secret = Secrets.randomBytes(SECRET_BYTES);
      return store.startEnrolment(actor.id(), box.seal(secret, actor.id())).compose(started -> started
          ? vertx.executeBlocking(() -> enrolment(Base32.encode(secret), user.getString("username")))
          : Future.failedFuture(invalid("Two-factor sign-in is on already: turn it off first.")));
    }));
  }

  @Override
  public Future<RecoveryCodes> confirmTotp(Actor actor, TotpCode code) {
    return SessionRequired.then(actor, () -> user(actor).compose(user -> store.find(actor.id())
        .compose(record -> {
          if (record == null || active(record)) {
            return Future.failedFuture(invalid("Start enrolment first: POST /api/users/me/totp."));
          }
          return passwords.checkAllowed(user).compose(allowed -> {
            String digits = RecoveryCode.asTotpDigits(code.code());
            long step = digits == null ? -1 : Totp.matchingStep(secretOf(record, actor.id()), digits,
                clock.millis(), record.getLong("lastStep", 0L));
            if (step < 0) {
              return wrongCode(user, null);
            }
            List<String> codes = RecoveryCode.generate();
            return store.activate(actor.id(), record.getString("secret"), step,
                    codes.stream().map(RecoveryCode::hash).toList())
                .compose(on -> on ? Future.succeededFuture(new RecoveryCodes(codes))
                    : Future.failedFuture(invalid("The enrolment changed meanwhile: start again.")));
          });
        })));
  }

  @Override
  public Future<Void> disableTotp(Actor actor, TotpDisable disable) {
    return SessionRequired.then(actor, () -> user(actor).compose(user -> store.find(actor.id())
        .compose(record -> record == null || !active(record)
            ? Future.failedFuture(invalid("Two-factor sign-in is not on."))
            : passwords.confirm(user, disable.password())
                .compose(right -> spend(record, actor.id(), disable.code()))
                .compose(spent -> spent ? store.remove(actor.id()) : wrongCode(user, null)))));
  }

  @Override
  public Future<TwoFactorStatus> totpStatus(Actor actor) {
    return SessionRequired.then(actor, () -> store.find(actor.id()).map(record -> record == null
        ? new TwoFactorStatus(false, false, 0)
        : new TwoFactorStatus(active(record), !active(record),
            record.getJsonArray("recoveryCodes").size())));
  }

  /**
   * The second step of a login whose password was right: nothing to do without two-factor sign-in; else {@code
   * totp_required} without a code, and {@code bad_totp} (a failed login) for a wrong, reused or expired one.
   */
  public Future<Void> checkLogin(JsonObject user, Credentials credentials) {
    String userId = user.getString("_id");
    return store.find(userId).compose(record -> {
      if (record == null || !active(record)) {
        return Future.succeededFuture();
      }
      if (credentials.totp() == null) {
        return Future.failedFuture(new ServiceError(ErrorCode.TOTP_REQUIRED,
            "Two-factor sign-in is on: send totp, a code of your authenticator app or a recovery code."));
      }
      return spend(record, userId, credentials.totp()).compose(spent -> spent
          ? Future.succeededFuture()
          : wrongCode(user, credentials.clientAddress()));
    });
  }

  /** Turns the user's two-factor sign-in off, for an admin. */
  public Future<Void> reset(String userId) {
    return store.remove(userId);
  }

  /** Uses a current code or an unused recovery code; false when it is neither. */
  private Future<Boolean> spend(JsonObject record, String userId, String typed) {
    String digits = RecoveryCode.asTotpDigits(typed);
    if (digits == null) {
      return store.useRecoveryCode(userId, RecoveryCode.hash(typed));
    }
    long step = Totp.matchingStep(secretOf(record, userId), digits, clock.millis(), record.getLong("lastStep", 0L));
    return step < 0 ? Future.succeededFuture(false) : store.useStep(userId, step);
  }

  private <T> Future<T> wrongCode(JsonObject user, String clientAddress) {
    return passwords.recordFailure(user, clientAddress).compose(ignored -> Future.failedFuture(
        new ServiceError(ErrorCode.BAD_TOTP, "The two-factor code is wrong, expired or used already.")));
  }

  private static boolean active(JsonObject record) {
    return record.getBoolean("active", false);
  }

  private byte[] secretOf(JsonObject record, String userId) {
    return box.open(record.getString("secret"), userId);
  }

  private Future<JsonObject> user(Actor actor) {
    return users.findById(actor.id()).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : Future.succeededFuture(user));
  }

  private TotpEnrolment enrolment(String secret, String username) {
    String label = encode(issuer) + ":" + encode(username);
    String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    return new TotpEnrolment(secret, uri, TotpQr.svg(uri));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ServiceError invalid(String detail) {
    return ServiceError.invalid("totp", detail);
  }
}
