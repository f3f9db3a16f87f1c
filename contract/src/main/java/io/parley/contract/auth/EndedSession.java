package io.parley.contract.auth;

import io.vertx.core.json.JsonObject;

/**
 * One ended session whose access tokens may still be unexpired: {@code {sessionId, userId, reason, until}}, as a
 * starting gateway learns them (see {@link SessionsEnded} for {@code reason} and {@code until}).
 */
public record EndedSession(String sessionId, String userId, String reason, long until) {

  public JsonObject toJson() {
    return new JsonObject().put("sessionId", sessionId).put("userId", userId).put("reason", reason)
        .put("until", until);
  }

  public static EndedSession fromJson(JsonObject json) {
    return new EndedSession(json.getString("sessionId"), json.getString("userId"), json.getString("reason"),
        json.getLong("until", 0L));
  }
}
