package io.parley.contract.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A room as the contract shows it: {@code {id, name, type, description, topic, owners, capacity, memberCount,
 * lastSeq, version}}, with {@code member} where the caller's membership was looked at, what a member has not
 * read ({@code unread}, {@code mentions}) and whether they muted it ({@code muted}), and {@code userIds} for a
 * direct room (its two users).
 */
public record Room(String id, String name, String type, String description, int capacity, int memberCount,
    RoomCounters counters, Boolean member, Long unread, List<String> userIds, List<String> owners, String topic,
    Long mentions, Boolean muted) {

  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";
  public static final String DIRECT = "direct";
  public static final List<String> TYPES = List.of(PUBLIC, PRIVATE, DIRECT);

  public Room {
    owners = owners == null ? List.of() : List.copyOf(owners);
    topic = topic == null ? "" : topic;
  }

  /** A room without owners or topic, as rooms were before they had them. */
  public Room(String id, String name, String type, String description, int capacity, int memberCount,
      RoomCounters counters, Boolean member, Long unread, List<String> userIds) {
    this(id, name, type, description, capacity, memberCount, counters, member, unread, userIds, List.of(), "",
        null, null);
  }

  /** What a member has not read of a room, and whether they muted it. */
  public record Reading(long unread, long mentions, boolean muted) {
  }

  public boolean isDirect() {
    return DIRECT.equals(type);
  }

  public boolean isOwner(String userId) {
    return owners.contains(userId);
  }

  /** The room as seen by a member who has read up to {@code lastReadSeq}, with nothing else to tell. */
  public Room forMember(long lastReadSeq) {
    return forMember(new Reading(counters.unreadAfter(lastReadSeq), 0, false));
  }

  /** The room as seen by a member: what they have not read, and whether they muted it. */
  public Room forMember(Reading reading) {
    return new Room(id, name, type, description, capacity, memberCount, counters, true, reading.unread(), userIds,
        owners, topic, reading.mentions(), reading.muted());
  }

  /** The room as seen by someone who is not a member of it. */
  public Room forNonMember() {
    return new Room(id, name, type, description, capacity, memberCount, counters, false, null, userIds, owners,
        topic, null, null);
  }

  /** The room as every member sees it alike, for a frame to them all: without anyone's reading. */
  public Room forEveryone() {
    return new Room(id, name, type, description, capacity, memberCount, counters, null, null, userIds, owners,
        topic, null, null);
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
        .put("topic", topic)
        .put("owners", JsonValues.array(owners))
        .put("capacity", capacity)
        .put("memberCount", memberCount)
        .put("lastSeq", counters.lastSeq())
        .put("version", counters.version());
    JsonValues.putIfPresent(json, "member", member);
    JsonValues.putIfPresent(json, "unread", unread);
    JsonValues.putIfPresent(json, "mentions", mentions);
    JsonValues.putIfPresent(json, "muted", muted);
    return userIds == null ? json : json.put("userIds", JsonValues.array(userIds));
  }

  public static Room fromJson(JsonObject json) {
    return new Room(json.getString("id"), json.getString("name"), json.getString("type"),
        json.getString("description", ""), json.getInteger("capacity", 0), json.getInteger("memberCount", 0),
        new RoomCounters(json.getLong("lastSeq", 0L), json.getLong("version", 0L)), json.getBoolean("member"),
        json.getLong("unread"), json.containsKey("userIds") ? JsonValues.strings(json.getJsonArray("userIds")) : null,
        JsonValues.strings(json.getJsonArray("owners")), json.getString("topic", ""), json.getLong("mentions"),
        json.getBoolean("muted"));
  }
}
