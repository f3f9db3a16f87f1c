package io.parley.chat;

import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code rooms} and {@code memberships} collections. Room names are unique ignoring case through a unique
 * index on {@code nameKey}; a direct room's key is made of its two user ids, so each pair has one. A membership
 * is {@code {_id: roomId:userId, roomId, userId, joinedAt, lastReadSeq}}. Capacity holds under races because
 * a join first takes a place with a conditional increment of {@code memberCount}.
 */
public final class RoomStore {

  static final String ROOMS = "rooms";
  static final String MEMBERSHIPS = "memberships";

  private final MongoClient mongo;

  public RoomStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> createIndexes() {
    return Future.all(
        mongo.createIndexWithOptions(ROOMS, new JsonObject().put("nameKey", 1),
            new IndexOptions().unique(true).name("nameKey_unique")),
        mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("userId", 1),
            new IndexOptions().name("userId")),
        mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("roomId", 1),
            new IndexOptions().name("roomId"))).mapEmpty();
  }

  public static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public static String membershipId(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  /** Inserts a room with its creator as the first member. */
  public Future<JsonObject> create(String name, String description, String type, int capacity, String creatorId) {
    String id = Ids.newId();
    JsonObject room = new JsonObject()
        .put("_id", id)
        .put("name", name)
        .put("nameKey", nameKey(name))
        .put("type", type)
        .put("description", description)
        .put("capacity", capacity)
        .put("memberCount", 1)
        .put("createdBy", creatorId)
        .put("createdAt", Instant.now().toString());
    return mongo.insert(ROOMS, room)
        .recover(failure -> Future.failedFuture(MongoStore.isDuplicateKey(failure)
            ? new ServiceError(ErrorCode.NAME_TAKEN, "A room with that name exists.")
            : failure))
        .compose(ignored -> insertMembership(id, creatorId))
        .map(ignored -> room);
  }

  public Future<JsonObject> findById(String roomId) {
    return mongo.findOne(ROOMS, new JsonObject().put("_id", roomId), null);
  }

  public Future<List<JsonObject>> findByIds(List<String> roomIds) {
    return mongo.find(ROOMS, new JsonObject().put("_id", new JsonObject().put("$in", roomIds)));
  }

  public Future<JsonObject> membership(String roomId, String userId) {
    return mongo.findOne(MEMBERSHIPS, new JsonObject().put("_id", membershipId(roomId, userId)), null);
  }

  public Future<List<JsonObject>> membershipsOfUser(String userId) {
    return mongo.find(MEMBERSHIPS, new JsonObject().put("userId", userId));
  }

  /** Every user who shares at least one room with the given user, the user included. */
  public Future<List<String>> roommatesOf(String userId) {
    return membershipsOfUser(userId).compose(memberships -> {
      if (memberships.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      JsonArray roomIds = new JsonArray(memberships.stream().map(m -> m.getString("roomId")).toList());
      return mongo.findWithOptions(MEMBERSHIPS, new JsonObject().put("roomId", new JsonObject().put("$in", roomIds)),
              new FindOptions().setFields(new JsonObject().put("userId", 1)))
          .map(all -> all.stream().map(m -> m.getString("userId")).distinct().toList());
    });
  }

  /**
   * Adds a member, taking a place first so that two joins racing for the last place cannot both win.
   * Answers true when the user became a member, false when they already were one.
   */
  public Future<Boolean> addMember(JsonObject room, String userId) {
    String roomId = room.getString("_id");
    return membership(roomId, userId).compose(existing -> {
      if (existing != null) {
        return Future.succeededFuture(false);
      }
      JsonObject takePlace = new JsonObject()
          .put("_id", roomId)
          .put("memberCount", new JsonObject().put("$lt", room.getInteger("capacity")));
      return mongo.updateCollection(ROOMS, takePlace,
              new JsonObject().put("$inc", new JsonObject().put("memberCount", 1)))
          .compose(result -> {
            if (result.getDocModified() != 1) {
              return Future.failedFuture(new ServiceError(ErrorCode.ROOM_FULL, "The room is full."));
            }
            return insertMembership(roomId, userId)
                .map(true)
                .recover(failure -> releasePlace(roomId).transform(ignored ->
                    MongoStore.isDuplicateKey(failure)
                        ? Future.succeededFuture(false)
                        : Future.failedFuture(failure)));
          });
    });
  }

  /** Marks the member's messages read up to seq; never moves the marker back. */
  public Future<Void> markRead(String roomId, String userId, long seq) {
    return mongo.updateCollection(MEMBERSHIPS, new JsonObject().put("_id", membershipId(roomId, userId)),
        new JsonObject().put("$max", new JsonObject().put("lastReadSeq", seq))).mapEmpty();
  }

  private Future<Void> insertMembership(String roomId, String userId) {
    return mongo.insert(MEMBERSHIPS, new JsonObject()
        .put("_id", membershipId(roomId, userId))
        .put("roomId", roomId)
        .put("userId", userId)
        .put("joinedAt", Instant.now().toString())
        .put("lastReadSeq", 0L)).mapEmpty();
  }

  private Future<Void> releasePlace(String roomId) {
    return mongo.updateCollection(ROOMS, new JsonObject().put("_id", roomId),
        new JsonObject().put("$inc", new JsonObject().put("memberCount", -1))).mapEmpty();
  }

  /** The contract's view of a room, with the journal's counters. */
  public static JsonObject view(JsonObject room, JsonObject counters) {
    return new JsonObject()
        .put("id", room.getString("_id"))
        .put("name", room.getString("name"))
        .put("type", room.getString("type"))
        .put("description", room.getString("description", ""))
        .put("capacity", room.getInteger("capacity"))
        .put("memberCount", room.getInteger("memberCount"))
        .put("lastSeq", counters.getLong("lastSeq", 0L))
        .put("version", counters.getLong("version", 0L));
  }
}
