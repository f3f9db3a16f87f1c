package io.parley.chat.room;

import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.UserRef;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The direct room of two users: made on first use, by {@code POST /api/dms} or the first message with
 * {@code toUserId}. The pair's unique key makes two first uses racing each other end in one room.
 */
public final class DirectRooms {

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final UserDirectory users;
  private final RoomEvents events;

  public DirectRooms(RoomStore rooms, MembershipStore memberships, RoomJournal journal, UserDirectory users,
      RoomEvents events) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
    this.users = users;
    this.events = events;
  }

  /** The stored room, and whether this call made it. */
  public record Opened(JsonObject room, boolean created) {
  }

  /** The direct room of the actor and another user, whom the request names in {@code field}. */
  public Future<Opened> open(Actor actor, String other, String field) {
    if (other.equals(actor.id())) {
      return Future.failedFuture(ServiceError.invalid(field, "must be another user"));
    }
    return users.profiles(List.of(actor.id(), other)).compose(profiles -> {
      if (!profiles.containsKey(other) || !profiles.containsKey(actor.id())) {
        return Future.failedFuture(ServiceError.notFound("User"));
      }
      return rooms.findDirect(actor.id(), other).compose(existing -> existing != null
          ? repaired(existing, actor.id()).map(room -> new Opened(room, false))
          : create(profiles, actor.id(), other));
    });
  }

  private Future<Opened> create(Map<String, UserRef> profiles, String actorId, String other) {
    return rooms.createDirect(profiles.get(actorId), profiles.get(other))
        .compose(room -> memberships.ensureDirectMembers(room).map(room))
        .compose(room -> journal.create(room.getString("_id")).map(ignored -> {
          Room made = RoomViews.toRoom(room, RoomCounters.ZERO);
          events.joined(made, actorId);
          events.joined(made, other);
          return new Opened(room, true);
        }))
        .recover(failure -> MongoStore.isDuplicateKey(failure)
            ? rooms.findDirect(actorId, other).compose(room -> repaired(room, actorId))
                .map(room -> new Opened(room, false))
            : Future.failedFuture(failure));
  }

  /** A direct room whose maker stopped before writing both memberships gets them now. */
  private Future<JsonObject> repaired(JsonObject room, String userId) {
    return memberships.membership(room.getString("_id"), userId).compose(member -> member != null
        ? Future.succeededFuture(room)
        : memberships.ensureDirectMembers(room).map(room));
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
}
