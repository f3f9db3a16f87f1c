package io.parley.auth.account;

import io.parley.auth.password.PasswordHasher;
import io.parley.auth.password.PasswordPolicy;
import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Sign-up and the user directory: who exists, and what anyone may see of them. */
public final class AccountEndpoints {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
  /** Raw display names may carry whitespace and invisible characters that cleaning removes. */
  private static final int RAW_DISPLAY_NAME_MAX_CHARS = 1000;

  private final UserStore users;
  private final UserListing listing;
  private final PasswordPolicy policy;
  private final PasswordHasher hasher;

  public AccountEndpoints(UserStore users, UserListing listing, PasswordPolicy policy, PasswordHasher hasher) {
    this.users = users;
    this.listing = listing;
    this.policy = policy;
    this.hasher = hasher;
  }

  public void mount(BusEndpoints endpoints) {
    endpoints
        .serve(Addresses.AUTH_REGISTER, this::register)
        .serve(Addresses.AUTH_USER_GET, this::userById)
        .serve(Addresses.AUTH_USERS_GET, this::usersByIds)
        .serve(Addresses.AUTH_USERS_SEARCH, this::search);
  }

  private Future<JsonObject> register(JsonObject request) {
    RequestFields fields = RequestFields.of(request);
    String username = fields.requiredString("username", 1, 256);
    String password = fields.requiredString("password", 1, Integer.MAX_VALUE);
    String displayName = fields.optionalString("displayName", 0, RAW_DISPLAY_NAME_MAX_CHARS);
    if (username != null && !USERNAME.matcher(username).matches()) {
      fields.reject("username", "must be 3 to 32 letters, digits, '_', '.' or '-'");
    }
    String cleanDisplayName = displayName == null ? null : DisplayNames.clean(displayName);
    if (cleanDisplayName != null && cleanDisplayName.codePointCount(0, cleanDisplayName.length())
        > Limits.DISPLAY_NAME_MAX_CHARS) {
      fields.reject("displayName", "must be at most " + Limits.DISPLAY_NAME_MAX_CHARS + " characters");
    }
    fields.throwIfInvalid();
    List<FieldError> weak = policy.check(password, username);
    if (!weak.isEmpty()) {
      throw new ServiceError(ErrorCode.WEAK_PASSWORD, "The password breaks " + weak.size()
          + (weak.size() == 1 ? " rule." : " rules."), weak, 0);
    }
    String shownName = cleanDisplayName == null || cleanDisplayName.isEmpty() ? username : cleanDisplayName;
    return hasher.hash(password)
        .compose(hash -> users.create(username, shownName, hash))
        .map(UserStore::view);
  }

  private Future<JsonObject> userById(JsonObject request) {
    Object id = request.getValue("userId");
    if (!Ids.looksValid(id)) {
      return Future.failedFuture(ServiceError.notFound("User"));
    }
    return users.findById((String) id).compose(user -> user == null
        ? Future.failedFuture(ServiceError.notFound("User"))
        : listing.one(user));
  }

  private Future<JsonObject> usersByIds(JsonObject request) {
    JsonArray requested = request.getValue("userIds") instanceof JsonArray array ? array : new JsonArray();
    List<String> ids = new ArrayList<>();
    requested.forEach(id -> {
      if (Ids.looksValid(id)) {
        ids.add((String) id);
      }
    });
    return users.findByIds(ids).map(found -> new JsonObject().put("users",
        new JsonArray(found.stream().map(UserStore::view).toList())));
  }

  private Future<JsonObject> search(JsonObject request) {
    Actor.of(request);
    return listing.search(request, false);
  }
}
