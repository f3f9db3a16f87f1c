package io.parley.contract.auth;

import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.model.Health;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Serves auth-service's interfaces on their addresses: all of them for auth-service itself, or one domain for a
 * test's fake of the part it needs.
 */
public final class AuthEndpoints {

  private AuthEndpoints() {
  }

  /** Every interface auth-service implements, one object per domain. */
  public record AuthServices(AccountService accounts, ProfileService profiles, SessionService sessions,
      TwoFactorService twoFactor, PersonalTokenService tokens, AuthAdminService admin) {
  }

  public static BusEndpoints bind(BusEndpoints endpoints, AuthServices services, Supplier<Future<Health>> health) {
    bindAccounts(endpoints, services.accounts());
    bindProfiles(endpoints, services.profiles());
    bindSessions(endpoints, services.sessions());
    bindTwoFactor(endpoints, services.twoFactor());
    bindTokens(endpoints, services.tokens());
    bindAdmin(endpoints, services.admin());
    return endpoints.serveInternal(AuthOperations.HEALTH, ignored -> health.get());
  }

  public static BusEndpoints bindAccounts(BusEndpoints endpoints, AccountService accounts) {
    return endpoints
        .serveInternal(AuthOperations.REGISTER, accounts::register)
        .serveInternal(AuthOperations.USER_GET, accounts::user)
        .serveInternal(AuthOperations.USERS_GET, accounts::users)
        .serve(AuthOperations.USERS_SEARCH, accounts::search)
        .serve(AuthOperations.PASSWORD_CHANGE, accounts::changePassword);
  }

  public static BusEndpoints bindProfiles(BusEndpoints endpoints, ProfileService profiles) {
    return endpoints
        .serve(ProfileOperations.UPDATE, profiles::updateProfile)
        .serve(ProfileOperations.AVATAR_SET, profiles::setAvatar)
        .serve(ProfileOperations.AVATAR_REMOVE, (actor, none) -> profiles.removeAvatar(actor))
        .serveInternal(ProfileOperations.AVATAR_GET, profiles::avatar);
  }

  public static BusEndpoints bindSessions(BusEndpoints endpoints, SessionService sessions) {
    return endpoints
        .serveInternal(AuthOperations.LOGIN, sessions::login)
        .serveInternal(AuthOperations.REFRESH, sessions::refresh)
        .serve(AuthOperations.LOGOUT, (actor, none) -> sessions.logout(actor))
        .serveInternal(AuthOperations.ENDED, none -> sessions.endedSessions())
        .serveInternal(AuthOperations.PUBLIC_KEY, none -> sessions.publicKey())
        .serve(AuthOperations.SESSIONS_LIST, (actor, none) -> sessions.sessions(actor))
        .serve(AuthOperations.SESSION_END, sessions::endSession)
        .serve(AuthOperations.SESSIONS_END_OTHERS, (actor, none) -> sessions.endOtherSessions(actor));
  }

  public static BusEndpoints bindTwoFactor(BusEndpoints endpoints, TwoFactorService twoFactor) {
    return endpoints
        .serve(TwoFactorOperations.ENROL, (actor, none) -> twoFactor.enrolTotp(actor))
        .serve(TwoFactorOperations.CONFIRM, twoFactor::confirmTotp)
        .serve(TwoFactorOperations.DISABLE, twoFactor::disableTotp)
        .serve(TwoFactorOperations.STATUS, (actor, none) -> twoFactor.totpStatus(actor));
  }

  public static BusEndpoints bindTokens(BusEndpoints endpoints, PersonalTokenService tokens) {
    return endpoints
        .serve(PersonalTokenOperations.CREATE, tokens::createToken)
        .serve(PersonalTokenOperations.LIST, (actor, none) -> tokens.tokens(actor))
        .serve(PersonalTokenOperations.REVOKE, tokens::revokeToken)
        .serveInternal(PersonalTokenOperations.VERIFY, tokens::verifyToken);
  }

  public static BusEndpoints bindAdmin(BusEndpoints endpoints, AuthAdminService admin) {
    return endpoints
        .serve(AuthOperations.ADMIN_USERS, admin::listUsers)
        .serve(AuthOperations.ADMIN_BAN, admin::setBanned)
        .serve(AuthOperations.ADMIN_ROLE, admin::setRole)
        .serve(AuthOperations.ADMIN_TOTP_RESET, admin::resetTwoFactor)
        .serve(AuthOperations.ADMIN_STATS, (actor, none) -> admin.countUsers(actor))
        .serve(AuthOperations.ADMIN_CHECK, (actor, none) -> admin.checkAdmin(actor));
  }
}
