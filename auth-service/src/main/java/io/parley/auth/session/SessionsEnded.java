package io.parley.auth.session;

import io.parley.contract.Addresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Sessions of one user that have just ended, as published on {@link Addresses#SESSIONS_ENDED}. {@code until} is
 * when the last access token of those sessions has expired, in epoch milliseconds: gateways forget them then.
 */
public record SessionsEnded(String userId, List<String> sessionIds, String reason, long until) {

  public static final String LOGOUT = "logout";
  public static final String REUSE = "reuse";
  public static final String BANNED = "banned";

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("sessionIds", new JsonArray(sessionIds))
        .put("reason", reason)
        .put("until", until);
  }
}
