package io.parley.chat.membership;

import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.readstate.RoomCounters;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.RoomViews;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Who is in which room: joining, leaving, inviting, and the lookups other services make of it. */
public final class MembershipHandlers {

  private final MembershipStore memberships;
  private final RoomAccess access;
  private final RoomViews views;
  private final UserDirectory users;
  private final RoomEvents events;

  public MembershipHandlers(MembershipStore memberships, RoomAccess access, RoomViews views, UserDirectory users,
      RoomEvents events) {
    this.memberships = memberships;
    this.access = access;
    this.views = views;
    this.users = users;
    this.events = events;
  }

  public Future<JsonObject> join(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.existing(request.getValue("roomId")).compose(room -> {
      if (!RoomStore.PUBLIC.equals(room.getString("type"))) {
        return access.requireMember(room, actor).compose(member -> views.memberView(room, actor));
      }
      return memberships.addMember(room, actor.id()).compose(added -> views.memberView(room, actor).onSuccess(view -> {
        if (added) {
          events.membershipChanged(view, actor.id(), true);
        }
      }));
    });
  }

  public Future<JsonObject> leave(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.existing(request.getValue("roomId")).compose(room -> {
      String roomId = room.getString("_id");
      if (RoomStore.DIRECT.equals(room.getString("type"))) {
        return access.requireMember(room, actor).compose(member -> Future.failedFuture(
            ServiceError.forbidden("A direct room cannot be left.")));
      }
      return memberships.removeMember(roomId, actor.id()).compose(removed -> {
        if (removed) {
          events.membershipChanged(RoomStore.view(room, RoomCounters.NONE), actor.id(), false);
          return Future.succeededFuture(new JsonObject());
        }
        // Not a member: nothing to do, but a private room says no more than it would to any outsider.
        return RoomStore.PUBLIC.equals(room.getString("type"))
            ? Future.succeededFuture(new JsonObject())
            : access.requireMember(room, actor).map(new JsonObject());
      });
    });
  }

  /** A member adds another user; the only way into a private room. */
  public Future<JsonObject> invite(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.asMember(request.getValue("roomId"), actor).compose(room -> {
      if (RoomStore.DIRECT.equals(room.getString("type"))) {
        return Future.failedFuture(ServiceError.forbidden("A direct room holds its two users only."));
      }
      String invitee = UserDirectory.userIdIn(request.getValue("userId"), "userId");
      return users.profile(invitee)
          .compose(profile -> memberships.addMember(room, invitee))
          .compose(added -> views.roomView(room).onSuccess(view -> {
            if (added) {
              events.membershipChanged(view, invitee, true);
            }
          }));
    });
  }

  /** {@code {actor}} -> {@code {userIds}}: everyone sharing a room with the actor, for {@code ready.online}. */
  public Future<JsonObject> roommates(JsonObject request) {
    Actor actor = Actor.of(request);
    return memberships.roommatesOf(actor.id()).map(ids -> new JsonObject().put("userIds", new JsonArray(ids)));
  }

  /** {@code {userId}} -> {@code {roomIds}}: a user's rooms, for presence-service to announce to. */
  public Future<JsonObject> roomIdsOfUser(JsonObject request) {
    if (!(request.getValue("userId") instanceof String userId)) {
      return Future.failedFuture(ServiceError.invalid("userId", "must be a string"));
    }
    return memberships.membershipsOfUser(userId).map(found -> new JsonObject().put("roomIds",
        new JsonArray(found.stream().map(m -> m.getString("roomId")).toList())));
  }
}
