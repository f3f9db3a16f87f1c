package io.parley.contract;

import io.vertx.core.json.JsonObject;

/**
 * Who a request is made for, as the gateway established it from a verified access token. Services trust it
 * because only gateways put it on the bus, and authorise every action against it.
 */
public record Actor(String id, String role, String sessionId) {

  public static final String ROLE_ADMIN = "admin";
  public static final String ROLE_USER = "user";

  public boolean isAdmin() {
    return ROLE_ADMIN.equals(role);
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("role", role).put("sid", sessionId);
  }

  /** The actor of a request payload; a request without one is refused as unauthenticated. */
  public static Actor of(JsonObject request) {
    JsonObject json = request.getValue("actor") instanceof JsonObject o ? o : null;
    if (json == null || !(json.getValue("id") instanceof String id)) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, "This request needs a signed-in user.");
    }
    return new Actor(id, json.getString("role", ROLE_USER), json.getString("sid"));
  }
}
