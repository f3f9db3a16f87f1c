package io.parley.contract.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A room as the contract shows it: {@code {id, name, type, description, capacity, memberCount, lastSeq, version}},
 * with {@code member} and {@code unread} where the caller's membership was looked at, and {@code userIds} for a
 * direct room (its two users).
 */
public record Room(String id, String name, String type, String description, int capacity, int memberCount,
    RoomCounters counters, Boolean member, Long unread, List<String> userIds) {

  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";
  public static final String DIRECT = "direct";
  public static final List<String> TYPES = List.of(PUBLIC, PRIVATE, DIRECT);

  public boolean isDirect() {
    return DIRECT.equals(type);
  }

  /** The room as seen by a member who has read up to {@code lastReadSeq}. */
  public Room forMember(long lastReadSeq) {
    return new Room(id, name, type, description, capacity, memberCount, counters, true,
        counters.unreadAfter(lastReadSeq), userIds);
  }

  /** The room as seen by someone who is not a member of it. */
  public Room forNonMember() {
    return new Room(id, name, type, description, capacity, memberCount, counters, false, null, userIds);
  }

  /** The other user of a direct room; the given user for a room with only them. */
  public String otherUser(String userId) {
    return userIds == null ? userId : userIds.stream().filter(id -> !id.equals(userId)).findFirst().orElse(userId);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("type", type)
        .put("description", description)
        .put("capacity", capacity)
        .put("memberCount", memberCount)
        .put("lastSeq", counters.lastSeq())
        .put("version", counters.version());
    JsonValues.putIfPresent(json, "member", member);
    JsonValues.putIfPresent(json, "unread", unread);
    return userIds == null ? json : json.put("userIds", JsonValues.array(userIds));
  }

  public static Room fromJson(JsonObject json) {
    return new Room(json.getString("id"), json.getString("name"), json.getString("type"),
        json.getString("description", ""), json.getInteger("capacity", 0), json.getInteger("memberCount", 0),
        new RoomCounters(json.getLong("lastSeq", 0L), json.getLong("version", 0L)), json.getBoolean("member"),
        json.getLong("unread"), json.containsKey("userIds") ? JsonValues.strings(json.getJsonArray("userIds")) : null);
  }
}
