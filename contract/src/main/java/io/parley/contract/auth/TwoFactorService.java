package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.vertx.core.Future;

/**
 * Two-factor sign-in with TOTP (RFC 6238: 30-second steps, six digits, HMAC-SHA-1, as authenticator apps expect).
 * Each call needs a session: an actor signed in with a personal access token is refused {@code forbidden}.
 * Wrong codes are {@code bad_totp} and count against the login throttle, like wrong passwords.
 */
public interface TwoFactorService {

  /** A new secret awaiting its first code; shown only now. {@code invalid_input} while two-factor sign-in is on. */
  Future<TotpEnrolment> enrolTotp(Actor actor);

  /** A current code of the new secret turns two-factor sign-in on; answers ten single-use recovery codes. */
  Future<RecoveryCodes> confirmTotp(Actor actor, TotpCode code);

  /** Turns it off: {@code bad_password} for a wrong password, {@code bad_totp} for a wrong code. */
  Future<Void> disableTotp(Actor actor, TotpDisable disable);

  Future<TwoFactorStatus> totpStatus(Actor actor);
}
