package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Health;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * auth-service over the event bus, for the gateways and services that ask it: its accounts, profiles, sessions,
 * two-factor sign-in, personal access tokens and administration in one object. Requests from the REST edge are
 * read with each request record's {@code parse} ({@link Registration#parse}, {@link Credentials#parse}, ...),
 * which refuses what auth-service would refuse.
 */
public final class AuthClient implements AccountService, ProfileService, SessionService, TwoFactorService,
    PersonalTokenService, AuthAdminService {

  private final BusClient bus;

  public AuthClient(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<User> register(Registration registration) {
    return bus.call(AuthOperations.REGISTER, registration);
  }

  @Override
  public Future<User> user(String userId) {
    return bus.call(AuthOperations.USER_GET, userId);
  }

  @Override
  public Future<List<User>> users(List<String> userIds) {
    return bus.call(AuthOperations.USERS_GET, userIds);
  }

  @Override
  public Future<List<User>> search(Actor actor, UserSearch search) {
    return bus.call(AuthOperations.USERS_SEARCH, actor, search);
  }

  @Override
  public Future<Void> changePassword(Actor actor, PasswordChange change) {
    return bus.call(AuthOperations.PASSWORD_CHANGE, actor, change);
  }

  @Override
  public Future<User> updateProfile(Actor actor, ProfileChange change) {
    return bus.call(ProfileOperations.UPDATE, actor, change);
  }

  @Override
  public Future<User> setAvatar(Actor actor, AvatarImage avatar) {
    return bus.call(ProfileOperations.AVATAR_SET, actor, avatar);
  }

  @Override
  public Future<User> removeAvatar(Actor actor) {
    return bus.call(ProfileOperations.AVATAR_REMOVE, actor, null);
  }

  @Override
  public Future<AvatarImage> avatar(String userId) {
    return bus.call(ProfileOperations.AVATAR_GET, userId);
  }

  @Override
  public Future<TokenPair> login(Credentials credentials) {
    return bus.call(AuthOperations.LOGIN, credentials);
  }

  @Override
  public Future<TokenPair> refresh(TokenRefresh refresh) {
    return bus.call(AuthOperations.REFRESH, refresh);
  }

  @Override
  public Future<Void> logout(Actor actor) {
    return bus.call(AuthOperations.LOGOUT, actor, null);
  }

  @Override
  public Future<List<SessionInfo>> sessions(Actor actor) {
    return bus.call(AuthOperations.SESSIONS_LIST, actor, null);
  }

  @Override
  public Future<Void> endSession(Actor actor, String sessionId) {
    return bus.call(AuthOperations.SESSION_END, actor, sessionId);
  }

  @Override
  public Future<Integer> endOtherSessions(Actor actor) {
    return bus.call(AuthOperations.SESSIONS_END_OTHERS, actor, null);
  }

  @Override
  public Future<List<EndedSession>> endedSessions() {
    return bus.call(AuthOperations.ENDED, null);
  }

  @Override
  public Future<PublicKey> publicKey() {
    return bus.call(AuthOperations.PUBLIC_KEY, null);
  }

  @Override
  public Future<TotpEnrolment> enrolTotp(Actor actor) {
    return bus.call(TwoFactorOperations.ENROL, actor, null);
  }

  @Override
  public Future<RecoveryCodes> confirmTotp(Actor actor, TotpCode code) {
    return bus.call(TwoFactorOperations.CONFIRM, actor, code);
  }

  @Override
  public Future<Void> disableTotp(Actor actor, TotpDisable disable) {
    return bus.call(TwoFactorOperations.DISABLE, actor, disable);
  }

  @Override
  public Future<TwoFactorStatus> totpStatus(Actor actor) {
    return bus.call(TwoFactorOperations.STATUS, actor, null);
  }

  @Override
  public Future<PersonalToken> createToken(Actor actor, TokenRequest request) {
    return bus.call(PersonalTokenOperations.CREATE, actor, request);
  }

  @Override
  public Future<List<PersonalToken>> tokens(Actor actor) {
    return bus.call(PersonalTokenOperations.LIST, actor, null);
  }

  @Override
  public Future<Void> revokeToken(Actor actor, String tokenId) {
    return bus.call(PersonalTokenOperations.REVOKE, actor, tokenId);
  }

  @Override
  public Future<TokenGrant> verifyToken(String token) {
    return bus.call(PersonalTokenOperations.VERIFY, token);
  }

  @Override
  public Future<List<User>> listUsers(Actor admin, UserSearch search) {
    return bus.call(AuthOperations.ADMIN_USERS, admin, search);
  }

  @Override
  public Future<User> setBanned(Actor admin, UserBan ban) {
    return bus.call(AuthOperations.ADMIN_BAN, admin, ban);
  }

  @Override
  public Future<User> setRole(Actor admin, RoleChange change) {
    return bus.call(AuthOperations.ADMIN_ROLE, admin, change);
  }

  @Override
  public Future<Void> resetTwoFactor(Actor admin, String userId) {
    return bus.call(AuthOperations.ADMIN_TOTP_RESET, admin, userId);
  }

  @Override
  public Future<Long> countUsers(Actor admin) {
    return bus.call(AuthOperations.ADMIN_STATS, admin, null);
  }

  @Override
  public Future<Void> checkAdmin(Actor actor) {
    return bus.call(AuthOperations.ADMIN_CHECK, actor, null);
  }

  public Future<Health> health() {
    return bus.call(AuthOperations.HEALTH, null);
  }
}
