package io.parley.chat.membership;

import io.parley.chat.directory.AdminCheck;
import io.parley.chat.events.AccessChanges;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.StoredRoom;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Who may do what in a room. A room id that names nothing is {@code not_found}; a room the actor may not see
 * into is {@code forbidden}, with nothing about it in the answer. Public rooms are readable by every signed-in
 * user; private and direct rooms by their members only; every change needs membership, but for those admins
 * may make in any room (deleting a message, a room's settings and members), which {@link AdminCheck} confirms.
 * A room's settings and members are its owners' (who are members) to change, or an admin's; anyone else who may
 * see the room is told {@code owner_only}.
 * Rooms and memberships are answered from memory ({@link AccessCache}), which every change of them ({@link
 * AccessChanges}) keeps current.
 */
public final class RoomAccess {

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final AdminCheck admins;
  private final AccessCache cache = new AccessCache();

  public RoomAccess(RoomStore rooms, MembershipStore memberships, AdminCheck admins, AccessChanges changes) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.admins = admins;
    changes.listen(cache::forget);
  }

  /** A room an action on a message may be taken in, and whether it takes admin power to be there. */
  public record MessageRoom(JsonObject room, boolean asAdmin) {
  }

  /** The room of an id a request named (the contract checked that it can be one), or {@code not_found}. */
  public Future<JsonObject> existing(String roomId) {
    return cache.room(roomId, () -> rooms.findById(roomId)).compose(room -> room == null
        ? Future.failedFuture(ServiceError.notFound("Room"))
        : Future.succeededFuture(room));
  }

  /**
   * The room, when the actor is a member of it. The room and the membership are asked at once: this is on the
   * path of every message, and the answer for a room that does not exist is the same either way.
   */
  public Future<JsonObject> asMember(String roomId, Actor actor) {
    Future<JsonObject> room = existing(roomId);
    Future<Boolean> member = isMember(roomId, actor);
    return Future.join(room, member).transform(both -> {
      if (room.failed()) {
        return room;
      }
      if (member.failed()) {
        return Future.failedFuture(member.cause());
      }
      return member.result() ? room : Future.failedFuture(notAMember());
    });
  }

  /** Public rooms are readable by every signed-in user; private and direct rooms by their members. */
  public Future<JsonObject> readable(String roomId, Actor actor) {
    return existing(roomId).compose(room -> StoredRoom.is(room, Room.PUBLIC)
        ? Future.succeededFuture(room)
        : requireMember(room, actor));
  }

  Future<JsonObject> requireMember(JsonObject room, Actor actor) {
    return isMember(room.getString("_id"), actor).compose(member -> member
        ? Future.succeededFuture(room)
        : Future.failedFuture(notAMember()));
  }

  /** The room, when the actor owns it (as a member) or is an admin now; direct rooms have no owners. */
  public Future<JsonObject> asOwnerOrAdmin(String roomId, Actor actor) {
    Future<JsonObject> room = existing(roomId);
    Future<Boolean> membership = isMember(roomId, actor);
    return Future.join(room, membership).transform(both -> {
      if (room.failed() || membership.failed()) {
        return room.failed() ? room : Future.failedFuture(membership.cause());
      }
      JsonObject found = room.result();
      boolean member = membership.result();
      if (StoredRoom.is(found, Room.DIRECT)) {
        return Future.failedFuture(member ? ServiceError.forbidden("A direct room has no owners.") : notAMember());
      }
      if (member && StoredRoom.owners(found).contains(actor.id())) {
        return room;
      }
      ServiceError refusal = member || StoredRoom.is(found, Room.PUBLIC)
          ? new ServiceError(ErrorCode.OWNER_ONLY, "Only an owner of the room or an admin may do this.")
          : notAMember();
      return admins.require(actor, refusal).map(found);
    });
  }

  private Future<Boolean> isMember(String roomId, Actor actor) {
    return cache.isMember(roomId, actor.id(),
        () -> memberships.membership(roomId, actor.id()).map(membership -> membership != null));
  }

  private static ServiceError notAMember() {
    return ServiceError.forbidden("You are not a member of this room.");
  }

  /** The room of a message id, as {@link #asMember}; an id that is not a message id names nothing. */
  public Future<JsonObject> ofMessage(String messageId, Actor actor) {
    return roomOfMessage(messageId).compose(room -> requireMember(room, actor));
  }

  /**
   * The room of a message id for an action admins may take in any room: to its members, and to an admin (by
   * the stored role) in a room they are not a member of; anyone else gets the answer a non-member gets.
   */
  public Future<MessageRoom> ofMessageOrAsAdmin(String messageId, Actor actor) {
    return roomOfMessage(messageId).compose(room -> requireMember(room, actor)
        .map(member -> new MessageRoom(room, false))
        .recover(refused -> admins.require(actor, refused).map(admin -> new MessageRoom(room, true))));
  }

  private Future<JsonObject> roomOfMessage(String messageId) {
    if (!MessageStore.isWellFormed(messageId)) {
      return Future.failedFuture(ServiceError.notFound("Message"));
    }
    return existing(MessageStore.roomOf(messageId));
  }
}
