package io.parley.contract.auth;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Sessions of one user that have just ended, as published on {@link AuthOperations#SESSIONS_ENDED}: {@code
 * {userId, sessionIds, reason, until}}. {@code until} is when the last access token of those sessions has
 * expired, in epoch milliseconds: gateways forget them then.
 */
public record SessionsEnded(String userId, List<String> sessionIds, String reason, long until) {

  public static final String LOGOUT = "logout";
  public static final String REUSE = "reuse";
  public static final String BANNED = "banned";
  /** Its owner ended it from the list of sessions, or revoked the personal access token. */
  public static final String REVOKED = "revoked";
  /** Its owner changed the password in another session. */
  public static final String PASSWORD_CHANGED = "password_changed";

  public static final Codec<SessionsEnded> CODEC = Codec.of(SessionsEnded::toJson, SessionsEnded::fromJson);

  /** A ban ends every session of the user, and gateways close all of the user's sockets for it. */
  public boolean byBan() {
    return BANNED.equals(reason);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("sessionIds", JsonValues.array(sessionIds))
        .put("reason", reason)
        .put("until", until);
  }

  public static SessionsEnded fromJson(JsonObject json) {
    return new SessionsEnded(json.getString("userId"), JsonValues.strings(json.getJsonArray("sessionIds")),
        json.getString("reason"), json.getLong("until", 0L));
  }
}
