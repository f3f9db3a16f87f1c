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

  public static BusEndpoints bind(BusEndpoints endpoints, AccountService accounts, SessionService sessions,
      AuthAdminService admin, Supplier<Future<Health>> health) {
    bindAccounts(endpoints, accounts);
    bindSessions(endpoints, sessions);
    bindAdmin(endpoints, admin);
    return endpoints.serveInternal(AuthOperations.HEALTH, ignored -> health.get());
  }

  public static BusEndpoints bindAccounts(BusEndpoints endpoints, AccountService accounts) {
    return endpoints
        .serveInternal(AuthOperations.REGISTER, accounts::register)
        .serveInternal(AuthOperations.USER_GET, accounts::user)
        .serveInternal(AuthOperations.USERS_GET, accounts::users)
        .serve(AuthOperations.USERS_SEARCH, accounts::search);
  }

  public static BusEndpoints bindSessions(BusEndpoints endpoints, SessionService sessions) {
    return endpoints
        .serveInternal(AuthOperations.LOGIN, sessions::login)
        .serveInternal(AuthOperations.REFRESH, sessions::refresh)
        .serve(AuthOperations.LOGOUT, (actor, none) -> sessions.logout(actor))
        .serveInternal(AuthOperations.ENDED, none -> sessions.endedSessions())
        .serveInternal(AuthOperations.PUBLIC_KEY, none -> sessions.publicKey());
  }

  public static BusEndpoints bindAdmin(BusEndpoints endpoints, AuthAdminService admin) {
    return endpoints
        .serve(AuthOperations.ADMIN_USERS, admin::listUsers)
        .serve(AuthOperations.ADMIN_BAN, admin::setBanned)
        .serve(AuthOperations.ADMIN_ROLE, admin::setRole)
        .serve(AuthOperations.ADMIN_STATS, (actor, none) -> admin.countUsers(actor))
        .serve(AuthOperations.ADMIN_CHECK, (actor, none) -> admin.checkAdmin(actor));
  }
}
