package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** A member of a room, as a room's member list shows them: {@code {id, username, displayName, online}}. */
public record Member(UserRef user, boolean online) {

  public JsonObject toJson() {
    return user.toJson().put("online", online);
  }

  public static Member fromJson(JsonObject json) {
    return new Member(UserRef.fromJson(json), json.getBoolean("online", false));
  }
}
