package io.parley.contract;

import io.vertx.core.json.JsonObject;

/**
 * Who a request is made for, as the gateway established it from a verified access token or personal access
 * token. Services trust it because only gateways put it on the bus, and authorise every action against it.
 *
 * @param sessionId the session of an access token, or the id of a personal access token
 * @param viaToken true when a personal access token speaks for the user: such an actor never reaches the admin
 *     API and cannot manage the account's sign-in (password, sessions, two-factor sign-in, tokens)
 */
public record Actor(String id, String role, String sessionId, boolean viaToken) {

  public static final String ROLE_ADMIN = "admin";
  public static final String ROLE_USER = "user";

  /** An actor signed in with a session. */
  public Actor(String id, String role, String sessionId) {
    this(id, role, sessionId, false);
  }

  public boolean isAdmin() {
    return ROLE_ADMIN.equals(role);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("role", role).put("sid", sessionId);
    return viaToken ? json.put("viaToken", true) : json;
  }

  /** The actor of a request payload; a request without one is refused as unauthenticated. */
  public static Actor of(JsonObject request) {
    JsonObject json = request.getValue("actor") instanceof JsonObject o ? o : null;
    if (json == null || !(json.getValue("id") instanceof String id)) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, "This request needs a signed-in user.");
    }
    return new Actor(id, json.getString("role", ROLE_USER), json.getString("sid"),
        Boolean.TRUE.equals(json.getValue("viaToken")));
  }
}
