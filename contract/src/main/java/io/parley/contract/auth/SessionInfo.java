package io.parley.contract.auth;

import io.vertx.core.json.JsonObject;

/**
 * One open session of the caller, as {@code GET /api/sessions} lists it: {@code {id, createdAt, lastUsedAt,
 * userAgent, address, current}}. {@code lastUsedAt} is its login or latest token refresh (access tokens are
 * checked by gateways without asking auth-service); {@code current} marks the session the request came from.
 */
public record SessionInfo(String id, String createdAt, String lastUsedAt, String userAgent, String address,
    boolean current) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("createdAt", createdAt)
        .put("lastUsedAt", lastUsedAt)
        .put("userAgent", userAgent)
        .put("address", address)
        .put("current", current);
  }

  public static SessionInfo fromJson(JsonObject json) {
    return new SessionInfo(json.getString("id"), json.getString("createdAt"), json.getString("lastUsedAt"),
        json.getString("userAgent"), json.getString("address"), json.getBoolean("current", false));
  }
}
