package io.parley.chat.room;

import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.UserRef;
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
 * The {@code rooms} collection. Room names are unique ignoring case through a unique index on {@code nameKey};
 * a direct room's key is made of its two user ids, so each pair has one, behind a control character no room
 * name may hold, so no named room can take a pair's key. {@code memberCount} is the number of places taken:
 * a join first takes one with a conditional increment, so capacity holds under races.
 *
 * <p>A room being deleted is first marked {@code deleting} and its key released: from then on it is absent
 * to every read here but {@link #findEvenIfDeleting}, which lets a deletion cut short be finished.
 */
public final class RoomStore {

  private static final String ROOMS = "rooms";
  private static final String DIRECT_KEY_PREFIX = "\u0001direct:";
  private static final String DELETING_KEY_PREFIX = "\u0002deleting:";
  private static final String DELETING = "deleting";

  private final MongoClient mongo;

  public RoomStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(ROOMS, new JsonObject().put("nameKey", 1),
        new IndexOptions().unique(true).name("nameKey_unique"));
  }

  public static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The key of the direct room of two users, the same whichever of them asks. */
  public static String directKey(String userA, String userB) {
    return userA.compareTo(userB) < 0
        ? DIRECT_KEY_PREFIX + userA + ":" + userB
        : DIRECT_KEY_PREFIX + userB + ":" + userA;
  }

  /** Inserts a room with one place taken, its creator's. */
  public Future<JsonObject> create(String name, String description, String type, int capacity, String creatorId) {
    JsonObject room = new JsonObject()
        .put("_id", Ids.newId())
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
        .map(room);
  }

  /**
   * Inserts the direct room of two users; fails with a duplicate key when that pair has one already (another
   * request made it first).
   */
  public Future<JsonObject> createDirect(UserRef userA, UserRef userB) {
    JsonObject room = new JsonObject()
        .put("_id", Ids.newId())
        .put("name", userA.username() + ", " + userB.username())
        .put("nameKey", directKey(userA.id(), userB.id()))
        .put("type", Room.DIRECT)
        .put("description", "")
        .put("capacity", 2)
        .put("memberCount", 2)
        .put("userIds", new JsonArray().add(userA.id()).add(userB.id()))
        .put("createdBy", userA.id())
        .put("createdAt", Instant.now().toString());
    return mongo.insert(ROOMS, room).map(room);
  }

  public Future<JsonObject> findDirect(String userA, String userB) {
    return mongo.findOne(ROOMS, new JsonObject().put("nameKey", directKey(userA, userB)), null).map(RoomStore::live);
  }

  public Future<List<JsonObject>> publicRooms() {
    return mongo.find(ROOMS, new JsonObject().put("type", Room.PUBLIC)).map(RoomStore::live);
  }

  /** The id of every room, those being deleted left out. */
  public Future<List<String>> allIds() {
    return mongo.findWithOptions(ROOMS, new JsonObject(),
            new FindOptions().setFields(new JsonObject().put("_id", 1).put(DELETING, 1)))
        .map(rooms -> rooms.stream().filter(room -> live(room) != null).map(room -> room.getString("_id")).toList());
  }

  public Future<JsonObject> findById(String roomId) {
    return findEvenIfDeleting(roomId).map(RoomStore::live);
  }

  /** The room, also when a deletion of it has begun and not finished. */
  public Future<JsonObject> findEvenIfDeleting(String roomId) {
    return mongo.findOne(ROOMS, new JsonObject().put("_id", roomId), null);
  }

  public Future<List<JsonObject>> findByIds(List<String> roomIds) {
    if (roomIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.find(ROOMS, new JsonObject().put("_id", new JsonObject().put("$in", roomIds))).map(RoomStore::live);
  }

  /** Takes one place in the room, if one is free; answers whether it did. */
  public Future<Boolean> takePlace(JsonObject room) {
    JsonObject free = new JsonObject()
        .put("_id", room.getString("_id"))
        .put("memberCount", new JsonObject().put("$lt", room.getInteger("capacity")));
    return mongo.updateCollection(ROOMS, free, new JsonObject().put("$inc", new JsonObject().put("memberCount", 1)))
        .map(result -> result.getDocModified() == 1);
  }

  public Future<Void> releasePlace(String roomId) {
    return mongo.updateCollection(ROOMS, new JsonObject().put("_id", roomId),
        new JsonObject().put("$inc", new JsonObject().put("memberCount", -1))).mapEmpty();
  }

  public Future<Long> count() {
    return mongo.count(ROOMS, new JsonObject());
  }

  /** The first step of a deletion: the room is gone for every reader, and its name or pair key is free. */
  public Future<Void> markDeleting(String roomId) {
    return mongo.updateCollection(ROOMS, new JsonObject().put("_id", roomId), new JsonObject().put("$set",
        new JsonObject().put(DELETING, true).put("nameKey", DELETING_KEY_PREFIX + roomId))).mapEmpty();
  }

  /** The last step of a deletion; what else belongs to the room is for the owners of that to remove. */
  public Future<Void> remove(String roomId) {
    return mongo.removeDocument(ROOMS, new JsonObject().put("_id", roomId)).mapEmpty();
  }

  /** Whether a stored room is of this type ({@link Room#PUBLIC}, {@link Room#PRIVATE}, {@link Room#DIRECT}). */
  public static boolean is(JsonObject room, String type) {
    return type.equals(room.getString("type"));
  }

  /** The other user of a direct room. */
  public static String otherMember(JsonObject directRoom, String userId) {
    for (Object other : directRoom.getJsonArray("userIds")) {
      if (!userId.equals(other)) {
        return (String) other;
      }
    }
    return userId;
  }

  /** The contract's room, with the journal's counters; {@code member} and {@code unread} are the viewer's to add. */
  public static Room toRoom(JsonObject room, RoomCounters counters) {
    boolean direct = is(room, Room.DIRECT);
    return new Room(room.getString("_id"), room.getString("name"), room.getString("type"),
        room.getString("description", ""), room.getInteger("capacity"), room.getInteger("memberCount"), counters,
        null, null, direct ? JsonValues.strings(room.getJsonArray("userIds")) : null);
  }

  private static JsonObject live(JsonObject room) {
    return room == null || room.getBoolean(DELETING, false) ? null : room;
  }

  private static List<JsonObject> live(List<JsonObject> rooms) {
    return rooms.stream().filter(room -> !room.getBoolean(DELETING, false)).toList();
  }
}
