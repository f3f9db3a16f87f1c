package io.parley.auth.admin;

import io.parley.auth.account.UserListing;
import io.parley.auth.account.UserStore;
import io.parley.auth.session.SessionStore;
import io.parley.auth.session.SessionsEnded;
import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** User administration, and the admin check other services ask for: admins only, through {@link AdminCheck}. */
public final class AdminEndpoints {

  private static final List<String> ROLES = List.of(Actor.ROLE_USER, Actor.ROLE_ADMIN);

  private final UserStore users;
  private final SessionStore sessions;
  private final UserListing listing;
  private final AdminCheck check;

  public AdminEndpoints(UserStore users, SessionStore sessions, UserListing listing) {
    this.users = users;
    this.sessions = sessions;
    this.listing = listing;
    this.check = new AdminCheck(users);
  }

  public void mount(BusEndpoints endpoints) {
    endpoints
        .serve(Addresses.AUTH_ADMIN_USERS, check.only((admin, request) -> listing.search(request, true)))
        .serve(Addresses.AUTH_ADMIN_BAN, check.only(this::ban))
        .serve(Addresses.AUTH_ADMIN_ROLE, check.only(this::setRole))
        .serve(Addresses.AUTH_ADMIN_CHECK, check.only((admin, request) -> Future.succeededFuture(new JsonObject())))
        .serve(Addresses.AUTH_ADMIN_STATS, check.only((admin, request) -> users.count()
            .map(count -> new JsonObject().put("users", count))));
  }

  /** Marks the user banned, then ends their sessions: in that order, so a login racing the ban cannot win. */
  private Future<JsonObject> ban(Actor admin, JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    Boolean banned = fields.optionalBoolean("banned");
    if (banned == null && !fields.has("banned")) {
      fields.reject("banned", "is required");
    }
    fields.throwIfInvalid();
    String userId = targetOf(request);
    if (userId.equals(admin.id())) {
      throw ServiceError.forbidden("Admins cannot ban themselves.");
    }
    return users.setBanned(userId, banned).compose(user -> {
      if (user == null) {
        return Future.failedFuture(ServiceError.notFound("User"));
      }
      Future<Void> ended = banned ? sessions.endAllOf(userId, SessionsEnded.BANNED) : Future.succeededFuture();
      return ended.map(ignored -> UserStore.adminView(user));
    });
  }

  private Future<JsonObject> setRole(Actor admin, JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String role = fields.optionalEnum("role", ROLES);
    if (!fields.has("role")) {
      fields.reject("role", "is required");
    }
    fields.throwIfInvalid();
    String userId = targetOf(request);
    if (userId.equals(admin.id())) {
      throw ServiceError.forbidden("Another admin must change your role.");
    }
    return users.setRole(userId, role).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : Future.succeededFuture(UserStore.adminView(user)));
  }

  private static String targetOf(JsonObject request) {
    Object userId = request.getValue("userId");
    if (!Ids.looksValid(userId)) {
      throw ServiceError.notFound("User");
    }
    return (String) userId;
  }
}
