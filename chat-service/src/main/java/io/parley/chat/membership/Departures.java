package io.parley.chat.membership;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.room.RoomViews;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What follows a member's leaving a room, of their own will or removed: the members and the user see {@code
 * member_left} (the user's sockets then leave the room), what they had not read there is forgotten, and an owner
 * is one no more, the room going to its longest-standing member when no owner is left ({@code room_updated}).
 */
final class Departures {

  private final MembershipStore memberships;
  private final MemberMarks marks;
  private final RoomViews views;
  private final RoomEvents events;

  Departures(MembershipStore memberships, MemberMarks marks, RoomViews views, RoomEvents events) {
    this.memberships = memberships;
    this.marks = marks;
    this.views = views;
    this.events = events;
  }

  /** The user is no longer a member of the stored room. */
  Future<Void> departed(JsonObject room, String userId) {
    String roomId = room.getString("_id");
    events.left(roomId, userId);
    return Future.all(marks.forget(roomId, userId), memberships.ownersAfterDeparture(room, userId)
            .compose(changed -> changed ? announce(room) : Future.succeededFuture()))
        .mapEmpty();
  }

  /** The room's owners or settings changed: every member sees the room as it is now. */
  Future<Void> announce(JsonObject room) {
    return views.roomView(room).onSuccess(events::roomUpdated).mapEmpty();
  }
}
