package io.parley.contract.auth;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** An admin gives a user a role: {@code {userId, role:"user"|"admin"}}. */
public record RoleChange(String userId, String role) {

  public static final List<String> ROLES = List.of(User.ROLE_USER, User.ROLE_ADMIN);

  public static final Codec<RoleChange> CODEC = Codec.of(RoleChange::toJson, RoleChange::parse);

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("role", role);
  }

  /** {@code invalid_input} for a missing or unknown role, then {@code not_found} for a bad id. */
  public static RoleChange parse(JsonObject json) {
    return read(json.getValue("userId"), json);
  }

  /** The role of an untrusted body ({@code {role}}) for the user of a path, checked as {@link #parse(JsonObject)}. */
  public static RoleChange parse(String userId, JsonObject body) {
    return read(userId, body);
  }

  private static RoleChange read(Object userId, JsonObject body) {
    RequestFields fields = RequestFields.of(body);
    String role = fields.optionalEnum("role", ROLES);
    if (!fields.has("role")) {
      fields.reject("role", "is required");
    }
    fields.throwIfInvalid();
    return new RoleChange(UserIds.require(userId), role);
  }
}
