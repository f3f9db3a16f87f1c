package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/**
 * A user account as the contract shows it: {@code {id, username, displayName, role, createdAt, statusText,
 * statusEmoji, hasAvatar}} ({@code ""} for a status not set), with {@code avatarVersion} and {@code avatarUrl}
 * when there is an avatar, {@code online} where presence-service was asked and {@code banned} in the admin's
 * views only. The avatar's URL carries its version, so a browser may cache it for good: a new avatar has a new
 * URL.
 */
public record User(String id, String username, String displayName, String role, String createdAt,
    String statusText, String statusEmoji, Integer avatarVersion, Boolean online, Boolean banned) {

  public static final String ROLE_ADMIN = "admin";
  public static final String ROLE_USER = "user";

  public User {
    statusText = statusText == null ? "" : statusText;
    statusEmoji = statusEmoji == null ? "" : statusEmoji;
  }

  /** A user with no status and no avatar. */
  public User(String id, String username, String displayName, String role, String createdAt, Boolean online,
      Boolean banned) {
    this(id, username, displayName, role, createdAt, "", "", null, online, banned);
  }

  public UserRef ref() {
    return new UserRef(id, username, displayName);
  }

  public boolean hasAvatar() {
    return avatarVersion != null;
  }

  /** Where the avatar is served, its version in the query so that each version has a URL of its own. */
  public static String avatarUrl(String userId, int version) {
    return "/api/users/" + userId + "/avatar?v=" + version;
  }

  public User withOnline(Boolean isOnline) {
    return new User(id, username, displayName, role, createdAt, statusText, statusEmoji, avatarVersion, isOnline,
        banned);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role)
        .put("createdAt", createdAt)
        .put("statusText", statusText)
        .put("statusEmoji", statusEmoji)
        .put("hasAvatar", hasAvatar());
    if (hasAvatar()) {
      json.put("avatarVersion", avatarVersion).put("avatarUrl", avatarUrl(id, avatarVersion));
    }
    JsonValues.putIfPresent(json, "online", online);
    return JsonValues.putIfPresent(json, "banned", banned);
  }

  public static User fromJson(JsonObject json) {
    return new User(json.getString("id"), json.getString("username"), json.getString("displayName"),
        json.getString("role"), json.getString("createdAt"), json.getString("statusText"),
        json.getString("statusEmoji"), json.getInteger("avatarVersion"), json.getBoolean("online"),
        json.getBoolean("banned"));
  }
}
