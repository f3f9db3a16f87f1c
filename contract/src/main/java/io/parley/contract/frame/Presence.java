package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;

/** {@code presence}: a user who shares the room with the receiver came online or went offline. */
public record Presence(String roomId, String userId, boolean online, String at) implements ServerFrame {

  public static final String ONLINE = "online";
  public static final String OFFLINE = "offline";

  @Override
  public String type() {
    return FrameTypes.PRESENCE;
  }

  @Override
  public JsonObject fields() {
    return new JsonObject()
        .put("userId", userId)
        .put("status", online ? ONLINE : OFFLINE)
        .put("at", at)
        .put("roomId", roomId);
  }

  /** Reads what a gateway needs of a presence event it receives: whose, and which way. */
  public static Presence fromJson(JsonObject json) {
    return new Presence(json.getString("roomId"), json.getString("userId"), ONLINE.equals(json.getString("status")),
        json.getString("at"));
  }
}
