package io.parley.contract.auth;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.model.Health;
import io.parley.contract.model.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * auth-service over the event bus, for the gateways and services that ask it: its accounts, sessions and
 * administration in one object. Requests from the REST edge are read with each request record's {@code parse}
 * ({@link Registration#parse}, {@link Credentials#parse}, ...), which refuses what auth-service would refuse.
 */
public final class AuthClient implements AccountService, SessionService, AuthAdminService {

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
  public Future<List<EndedSession>> endedSessions() {
    return bus.call(AuthOperations.ENDED, null);
  }

  @Override
  public Future<PublicKey> publicKey() {
    return bus.call(AuthOperations.PUBLIC_KEY, null);
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
