package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/**
 * A user account as the contract shows it: {@code {id, username, displayName, role, createdAt}}, with
 * {@code online} where presence-service was asked and {@code banned} in the admin's views only.
 */
public record User(String id, String username, String displayName, String role, String createdAt, Boolean online,
    Boolean banned) {

  public static final String ROLE_ADMIN = "admin";
  public static final String ROLE_USER = "user";

  public UserRef ref() {
    return new UserRef(id, username, displayName);
  }

  public User withOnline(Boolean isOnline) {
    return new User(id, username, displayName, role, createdAt, isOnline, banned);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role)
        .put("createdAt", createdAt);
    JsonValues.putIfPresent(json, "online", online);
    return JsonValues.putIfPresent(json, "banned", banned);
  }

  public static User fromJson(JsonObject json) {
    return new User(json.getString("id"), json.getString("username"), json.getString("displayName"),
        json.getString("role"), json.getString("createdAt"), json.getBoolean("online"), json.getBoolean("banned"));
  }
}
