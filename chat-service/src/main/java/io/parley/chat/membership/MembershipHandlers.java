package io.parley.chat.membership;

import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.room.StoredRoom;
import io.parley.chat.room.RoomViews;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.Invitation;
import io.parley.contract.chat.MembershipService;
import io.parley.contract.chat.RoomMember;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import java.util.List;

/**
 * Who is in which room: joining, leaving, inviting, removing members and making owners (every change of who is
 * in a room, or owns it, goes through {@link MembershipStore}), and the lookups other services make of it.
 */
public final class MembershipHandlers implements MembershipService {

  private final MembershipStore memberships;
  private final RoomAccess access;
  private final RoomViews views;
  private final UserDirectory users;
  private final RoomEvents events;
  private final Departures departures;

  public MembershipHandlers(MembershipStore memberships, RoomAccess access, RoomViews views, UserDirectory users,
      RoomEvents events, MemberMarks marks) {
    this.memberships = memberships;
    this.access = access;
    this.views = views;
    this.users = users;
    this.events = events;
    this.departures = new Departures(memberships, marks, views, events);
  }

  @Override
  public Future<Room> join(Actor actor, RoomRef request) {
    return access.existing(request.roomId()).compose(room -> {
      if (!StoredRoom.is(room, Room.PUBLIC)) {
        return access.requireMember(room, actor).compose(member -> views.memberView(room, actor));
      }
      return memberships.addMember(room, actor.id()).compose(added -> views.memberView(room, actor).onSuccess(view -> {
        if (added) {
          events.joined(view, actor.id());
        }
      }));
    });
  }

  @Override
  public Future<Void> leave(Actor actor, RoomRef request) {
    return access.existing(request.roomId()).compose(room -> {
      String roomId = room.getString("_id");
      if (StoredRoom.is(room, Room.DIRECT)) {
        return access.requireMember(room, actor).compose(member -> Future.failedFuture(
            ServiceError.forbidden("A direct room cannot be left.")));
      }
      return memberships.removeMember(roomId, actor.id()).compose(removed -> {
        if (removed) {
          return departures.departed(room, actor.id());
        }
        // Not a member: nothing to do, but a private room says no more than it would to any outsider.
        return StoredRoom.is(room, Room.PUBLIC)
            ? Future.succeededFuture()
            : access.requireMember(room, actor).mapEmpty();
      });
    });
  }

  /** A member adds another user; the only way into a private room. */
  @Override
  public Future<Room> invite(Actor actor, Invitation invitation) {
    return access.asMember(invitation.roomId(), actor).compose(room -> {
      if (StoredRoom.is(room, Room.DIRECT)) {
        return Future.failedFuture(ServiceError.forbidden("A direct room holds its two users only."));
      }
      String invitee = invitation.userId();
      return users.profile(invitee)
          .compose(profile -> memberships.addMember(room, invitee))
          .compose(added -> views.roomView(room).onSuccess(view -> {
            if (added) {
              events.joined(view, invitee);
            }
          }));
    });
  }

  /** An owner or an admin removes a member; removing oneself is leaving. */
  @Override
  public Future<Void> removeMember(Actor actor, RoomMember member) {
    return access.asOwnerOrAdmin(member.roomId(), actor).compose(room ->
        memberships.removeMember(member.roomId(), member.userId()).compose(removed -> removed
            ? departures.departed(room, member.userId())
            : Future.failedFuture(ServiceError.notFound("Member"))));
  }

  /** An owner or an admin makes a member an owner; making an owner one again changes nothing. */
  @Override
  public Future<Room> addOwner(Actor actor, RoomMember member) {
    return access.asOwnerOrAdmin(member.roomId(), actor).compose(room ->
        memberships.membership(member.roomId(), member.userId()).compose(membership -> {
          if (membership == null) {
            return Future.failedFuture(ServiceError.notFound("Member"));
          }
          if (StoredRoom.owners(room).contains(member.userId())) {
            return Future.succeededFuture();
          }
          return memberships.makeOwner(room, member.userId()).compose(made -> departures.announce(room));
        }).compose(done -> views.memberView(room, actor)));
  }

  /** Everyone sharing a room with the actor, for {@code ready.online}. */
  @Override
  public Future<List<String>> roommates(Actor actor) {
    return memberships.roommatesOf(actor.id());
  }

  /** A user's rooms, for presence-service to announce to. */
  @Override
  public Future<List<String>> roomIdsOf(String userId) {
    return memberships.membershipsOfUser(userId)
        .map(found -> found.stream().map(m -> m.getString("roomId")).toList());
  }
}
