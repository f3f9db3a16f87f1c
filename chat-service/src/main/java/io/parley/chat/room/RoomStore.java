package io.parley.chat.room;

import io.parley.chat.events.AccessChanges;
import io.parley.contract.ErrorCode;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
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
 * to every read here but {@link #findEvenIfDeleting}, which lets a deletion cut short be finished. A change to a
 * stored room that bears on who may be in it or may change it (a deletion, its settings, its owners) is told to
 * {@link AccessChanges} once it is stored, so that no instance answers from what it cached of the room before.
 *
 * <p>A room's {@code owners} are user ids, changed only through the membership domain ({@code MembershipStore}),
 * as who owns a room follows who is in it. A room stored before rooms had owners is owned by its creator
 * ({@code createdBy}) until its owners first change.
 */
public final class RoomStore {

  private static final String ROOMS = "rooms";
  private static final String DIRECT_KEY_PREFIX = "\u0001direct:";
  private static final String DELETING_KEY_PREFIX = "\u0002deleting:";
  private static final String DELETING = "deleting";

  private final MongoClient mongo;
  private final AccessChanges changes;

  public RoomStore(MongoClient mongo, AccessChanges changes) {
    this.mongo = mongo;
    this.changes = changes;
  }

  public Future<Void> createIndexes() {
    return Future.all(
        mongo.createIndexWithOptions(ROOMS, new JsonObject().put("nameKey", 1),
            new IndexOptions().unique(true).name("nameKey_unique")),
        mongo.createIndexWithOptions(ROOMS, new JsonObject().put("type", 1), new IndexOptions().name("type")))
        .mapEmpty();
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

  /** Inserts a room with one place taken, its creator's, who is its first owner. */
  public Future<JsonObject> create(String name, String description, String type, int capacity, String creatorId) {
    JsonObject room = named(Ids.newId(), name, description, type, capacity)
        .put("memberCount", 1)
        .put("owners", new JsonArray().add(creatorId))
        .put("createdBy", creatorId);
    return mongo.insert(ROOMS, room).recover(RoomStore::nameTaken).map(room);
  }

  /**
   * Inserts a public room made by no one, with this id, no member and no owner (admins manage it), such as
   * #general; a duplicate id or name fails as the store says.
   */
  public Future<JsonObject> createUnowned(String roomId, String name, String description, int capacity) {
    JsonObject room = named(roomId, name, description, Room.PUBLIC, capacity)
        .put("memberCount", 0)
        .put("owners", new JsonArray());
    return mongo.insert(ROOMS, room).map(room);
  }

  private static JsonObject named(String roomId, String name, String description, String type, int capacity) {
    return new JsonObject()
        .put("_id", roomId)
        .put("name", name)
        .put("nameKey", nameKey(name))
        .put("type", type)
        .put("description", description)
        .put("topic", "")
        .put("capacity", capacity)
        .put("createdAt", Instant.now().toString());
  }

  public Future<JsonObject> findByName(String name) {
    return mongo.findOne(ROOMS, new JsonObject().put("nameKey", nameKey(name)), null).map(RoomStore::live);
  }

  /**
   * Sets what a change gives of a room's name, description and topic; {@code name_taken} when another room has
   * the name. Answers the room as it is after.
   */
  public Future<JsonObject> updateSettings(String roomId, String name, String description, String topic) {
    JsonObject set = new JsonObject();
    if (name != null) {
      set.put("name", name).put("nameKey", nameKey(name));
    }
    JsonValues.putIfPresent(set, "description", description);
    JsonValues.putIfPresent(set, "topic", topic);
    JsonObject live = new JsonObject().put("_id", roomId).put(DELETING, new JsonObject().put("$ne", true));
    return mongo.updateCollection(ROOMS, live, new JsonObject().put("$set", set))
        .onSuccess(updated -> changes.room(roomId))
        .recover(RoomStore::nameTaken)
        .compose(updated -> findById(roomId))
        .compose(room -> room == null
            ? Future.failedFuture(ServiceError.notFound("Room"))
            : Future.succeededFuture(room));
  }

  /** Adds or removes an owner; called by the membership domain only. */
  public Future<Void> changeOwner(JsonObject room, String userId, boolean owner) {
    return ownersKept(room).compose(kept -> mongo.updateCollection(ROOMS, new JsonObject().put("_id",
        room.getString("_id")), new JsonObject().put(owner ? "$addToSet" : "$pull",
        new JsonObject().put("owners", userId))))
        .onSuccess(changed -> changes.room(room.getString("_id")))
        .mapEmpty();
  }

  /**
   * Writes down the owners a room stored before rooms had owners has (its creator), before they first change;
   * asked of the store, as the room given may be a cached copy.
   */
  private Future<Void> ownersKept(JsonObject room) {
    JsonObject unset = new JsonObject().put("_id", room.getString("_id"))
        .put("owners", new JsonObject().put("$exists", false));
    JsonObject asStoredBefore = room.copy();
    asStoredBefore.remove("owners");
    return mongo.updateCollection(ROOMS, unset, new JsonObject().put("$set",
        new JsonObject().put("owners", JsonValues.array(StoredRoom.owners(asStoredBefore))))).mapEmpty();
  }

  private static <T> Future<T> nameTaken(Throwable failure) {
    return Future.failedFuture(MongoStore.isDuplicateKey(failure)
        ? new ServiceError(ErrorCode.NAME_TAKEN, "A room with that name exists.")
        : failure);
  }

  /**
   * Inserts the direct room of two users; fails with a duplicate key when that pair has one already (another
   * request made it first).
   */
  public Future<JsonObject> createDirect(UserRef userA, UserRef userB) {
    JsonObject room = named(Ids.newId(), userA.username() + ", " + userB.username(), "", Room.DIRECT, 2)
        .put("nameKey", directKey(userA.id(), userB.id()))
        .put("memberCount", 2)
        .put("userIds", new JsonArray().add(userA.id()).add(userB.id()))
        .put("createdBy", userA.id());
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
        new JsonObject().put(DELETING, true).put("nameKey", DELETING_KEY_PREFIX + roomId)))
        .onSuccess(marked -> changes.room(roomId))
        .mapEmpty();
  }

  /** The last step of a deletion; what else belongs to the room is for the owners of that to remove. */
  public Future<Void> remove(String roomId) {
    return mongo.removeDocument(ROOMS, new JsonObject().put("_id", roomId))
        .onSuccess(removed -> changes.room(roomId))
        .mapEmpty();
  }

  private static JsonObject live(JsonObject room) {
    return room == null || room.getBoolean(DELETING, false) ? null : room;
  }

  private static List<JsonObject> live(List<JsonObject> rooms) {
    return rooms.stream().filter(room -> !room.getBoolean(DELETING, false)).toList();
  }
}
