package io.parley.chat.membership;

import io.parley.chat.events.AccessChanges;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.StoredRoom;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code memberships} collection: {@code {_id: roomId:userId, roomId, userId, joinedAt, lastReadSeq}}, the
 * member's read marker included. Adding and removing a member also takes and gives back a place in the room,
 * through {@link RoomStore}. Every membership written or removed here is told to {@link AccessChanges} once it is
 * stored: a new way in or out of a room belongs here, so that it is told too. A sender's own read marker is
 * written behind ({@link ReadMarkBuffer}).
 */
public final class MembershipStore {

  private static final String MEMBERSHIPS = "memberships";

  private final MongoClient mongo;
  private final RoomStore rooms;
  private final AccessChanges changes;
  private final ReadMarkBuffer ownMarks;

  public MembershipStore(Vertx vertx, MongoClient mongo, RoomStore rooms, AccessChanges changes) {
    this.mongo = mongo;
    this.rooms = rooms;
    this.changes = changes;
    this.ownMarks = new ReadMarkBuffer(vertx, this::writeMarks);
  }

  public Future<Void> createIndexes() {
    return Future.all(
        mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("userId", 1),
            new IndexOptions().name("userId")),
        mongo.createIndexWithOptions(MEMBERSHIPS, new JsonObject().put("roomId", 1),
            new IndexOptions().name("roomId"))).mapEmpty();
  }

  static String membershipId(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  public Future<JsonObject> membership(String roomId, String userId) {
    return mongo.findOne(MEMBERSHIPS, new JsonObject().put("_id", membershipId(roomId, userId)), null)
        .map(this::withOwnMark);
  }

  public Future<List<JsonObject>> membershipsOfUser(String userId) {
    return mongo.find(MEMBERSHIPS, new JsonObject().put("userId", userId))
        .map(found -> found.stream().map(this::withOwnMark).toList());
  }

  /** A stored membership, with the read marker waiting to be written when that is further. */
  private JsonObject withOwnMark(JsonObject membership) {
    if (membership == null) {
      return null;
    }
    long stored = membership.getLong("lastReadSeq", 0L);
    long marked = ownMarks.atLeast(membership.getString("_id"), stored);
    return marked == stored ? membership : membership.copy().put("lastReadSeq", marked);
  }

  /** Every user who shares at least one room with the given user, the user included. */
  Future<List<String>> roommatesOf(String userId) {
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

  /** The user ids of a room's members, in the order they joined. */
  public Future<List<String>> memberIds(String roomId) {
    return mongo.findWithOptions(MEMBERSHIPS, new JsonObject().put("roomId", roomId),
            new FindOptions().setFields(new JsonObject().put("userId", 1).put("joinedAt", 1)))
        .map(found -> found.stream()
            .sorted(Comparator.comparing(m -> m.getString("joinedAt", "")))
            .map(m -> m.getString("userId"))
            .toList());
  }

  /** The first member of a room just made, in the place the room was created with. */
  public Future<Void> addCreator(String roomId, String userId) {
    return insert(roomId, userId);
  }

  /** Both memberships of a direct room; repairs a room whose creator stopped between the writes. */
  public Future<Void> ensureDirectMembers(JsonObject room) {
    String roomId = room.getString("_id");
    List<Future<Void>> inserts = room.getJsonArray("userIds").stream()
        .map(userId -> insert(roomId, (String) userId).recover(failure ->
            MongoStore.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure)))
        .toList();
    return Future.all(inserts).mapEmpty();
  }

  /**
   * Adds a member, taking a place first so that two joins racing for the last place cannot both win.
   * Answers true when the user became a member, false when they already were one.
   */
  Future<Boolean> addMember(JsonObject room, String userId) {
    String roomId = room.getString("_id");
    return membership(roomId, userId).compose(existing -> {
      if (existing != null) {
        return Future.succeededFuture(false);
      }
      return rooms.takePlace(room).compose(taken -> {
        if (!taken) {
          return Future.failedFuture(new ServiceError(ErrorCode.ROOM_FULL, "The room is full."));
        }
        return insert(roomId, userId)
            .map(true)
            .recover(failure -> rooms.releasePlace(roomId).transform(ignored ->
                MongoStore.isDuplicateKey(failure)
                    ? Future.succeededFuture(false)
                    : Future.failedFuture(failure)));
      });
    });
  }

  /**
   * Removes a member and gives back their place. Answers true when the user was a member; a second leave, or
   * one racing it, finds nothing to remove and gives back nothing.
   */
  Future<Boolean> removeMember(String roomId, String userId) {
    return mongo.removeDocument(MEMBERSHIPS, new JsonObject().put("_id", membershipId(roomId, userId)))
        .compose(result -> {
          if (result.getRemovedCount() != 1) {
            return Future.succeededFuture(false);
          }
          changes.member(roomId, userId);
          return rooms.releasePlace(roomId).map(true);
        });
  }

  /** Makes a member an owner of the room. */
  Future<Void> makeOwner(JsonObject room, String userId) {
    return rooms.changeOwner(room, userId, true);
  }

  /**
   * After a member left or was removed: an owner is one no more, and a room left without owners is handed to
   * its longest-standing member. Answers whether the owners changed.
   */
  Future<Boolean> ownersAfterDeparture(JsonObject room, String userId) {
    if (!StoredRoom.owners(room).contains(userId)) {
      return Future.succeededFuture(false);
    }
    String roomId = room.getString("_id");
    return rooms.changeOwner(room, userId, false)
        .compose(dropped -> Future.all(rooms.findById(roomId), memberIds(roomId)))
        .compose(both -> {
          JsonObject after = both.resultAt(0);
          List<String> members = both.resultAt(1);
          return after == null || !StoredRoom.owners(after).isEmpty() || members.isEmpty()
              ? Future.succeededFuture(true)
              : rooms.changeOwner(after, members.get(0), true).map(true);
        });
  }

  /** Marks the member's messages read up to seq; never moves the marker back. Answers the marker after. */
  public Future<Long> markRead(String roomId, String userId, long seq) {
    String membershipId = membershipId(roomId, userId);
    return mongo.findOneAndUpdateWithOptions(MEMBERSHIPS,
            new JsonObject().put("_id", membershipId),
            new JsonObject().put("$max", new JsonObject().put("lastReadSeq", seq)),
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .map(after -> ownMarks.atLeast(membershipId, after == null ? seq : after.getLong("lastReadSeq", seq)));
  }

  /** Marks a sender's own message read for them, written with others a moment later. */
  public void markOwnRead(String roomId, String userId, long seq) {
    ownMarks.mark(membershipId(roomId, userId), seq);
  }

  /** Writes the read markers waiting to be written; completes once they are. */
  public Future<Void> flushReadMarks() {
    return ownMarks.flush();
  }

  private Future<Void> writeMarks(Map<String, Long> marks) {
    List<BulkOperation> updates = new ArrayList<>(marks.size());
    marks.forEach((membershipId, seq) -> updates.add(BulkOperation.createUpdate(
        new JsonObject().put("_id", membershipId),
        new JsonObject().put("$max", new JsonObject().put("lastReadSeq", seq)))));
    return mongo.bulkWriteWithOptions(MEMBERSHIPS, updates, new BulkWriteOptions(false)).mapEmpty();
  }

  /** Every membership of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocuments(MEMBERSHIPS, new JsonObject().put("roomId", roomId))
        .onSuccess(removed -> changes.room(roomId))
        .mapEmpty();
  }

  private Future<Void> insert(String roomId, String userId) {
    return mongo.insert(MEMBERSHIPS, new JsonObject()
        .put("_id", membershipId(roomId, userId))
        .put("roomId", roomId)
        .put("userId", userId)
        .put("joinedAt", Instant.now().toString())
        .put("lastReadSeq", 0L))
        .<Void>mapEmpty()
        .onSuccess(inserted -> changes.member(roomId, userId));
  }
}
