package io.parley.contract.auth;

import io.parley.contract.Addresses;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Operation;

/** auth-service's {@link TwoFactorService} on the event bus. */
public final class TwoFactorOperations {

  private TwoFactorOperations() {
  }

  public static final Operation<Void, TotpEnrolment> ENROL = Operation.forActor(Addresses.AUTH_TOTP_ENROL,
      Codec.NONE, TotpEnrolment.CODEC, "{actor} -> {secret, otpauthUri, qrSvg}: a new secret awaiting its first "
          + "code, shown this once.");

  public static final Operation<TotpCode, RecoveryCodes> CONFIRM = Operation.forActor(Addresses.AUTH_TOTP_CONFIRM,
      TotpCode.CODEC, RecoveryCodes.CODEC, "{actor, code} -> {recoveryCodes:[10]}: turns two-factor sign-in on; "
          + "bad_totp for a wrong code.");

  public static final Operation<TotpDisable, Void> DISABLE = Operation.forActor(Addresses.AUTH_TOTP_DISABLE,
      TotpDisable.CODEC, Codec.NONE, "{actor, password, code} -> {}: turns it off; bad_password, bad_totp.");

  public static final Operation<Void, TwoFactorStatus> STATUS = Operation.forActor(Addresses.AUTH_TOTP_STATUS,
      Codec.NONE, TwoFactorStatus.CODEC, "{actor} -> {enabled, pending, recoveryCodesLeft}.")
      .idempotent();
}
