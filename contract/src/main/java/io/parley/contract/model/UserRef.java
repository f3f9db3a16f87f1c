package io.parley.contract.model;

import io.vertx.core.json.JsonObject;

/** Who a user is to other users: how a message's sender and a room's member are shown. */
public record UserRef(String id, String username, String displayName) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("displayName", displayName);
  }

  public static UserRef fromJson(JsonObject json) {
    return new UserRef(json.getString("id"), json.getString("username"), json.getString("displayName"));
  }
}
