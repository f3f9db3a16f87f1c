package io.parley.chat.admin;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.readstate.RoomCounters;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.ChangeLog;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The admin panel's chat side: counts, and deleting a room. The gateway has the admin's current role confirmed
 * by auth-service before it asks; the actor's role is checked here again.
 */
public final class AdminHandlers {

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final ChangeLog changes;
  private final MessageStore messages;
  private final RoomEvents events;

  public AdminHandlers(RoomStore rooms, MembershipStore memberships, RoomJournal journal, ChangeLog changes,
      MessageStore messages, RoomEvents events) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
    this.changes = changes;
    this.messages = messages;
    this.events = events;
  }

  public Future<JsonObject> stats(JsonObject request) {
    requireAdmin(request);
    return Future.all(rooms.count(), messages.count())
        .map(both -> new JsonObject().put("rooms", both.<Long>resultAt(0)).put("messages", both.<Long>resultAt(1)));
  }

  /** Tells every member they left, then removes the room's messages, change log, journal, memberships and room. */
  public Future<JsonObject> deleteRoom(JsonObject request) {
    requireAdmin(request);
    Object roomId = request.getValue("roomId");
    if (!Ids.looksValid(roomId)) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    String id = (String) roomId;
    return rooms.findById(id).compose(room -> {
      if (room == null) {
        return Future.failedFuture(ServiceError.notFound("Room"));
      }
      JsonObject view = RoomStore.view(room, RoomCounters.NONE);
      return memberships.memberIds(id).compose(members -> {
        members.forEach(userId -> events.membershipChanged(view, userId, false));
        return Future.all(messages.removeRoom(id), changes.removeRoom(id), memberships.removeRoom(id))
            .compose(done -> journal.remove(id))
            .compose(done -> rooms.remove(id))
            .map(done -> new JsonObject());
      });
    });
  }

  private static void requireAdmin(JsonObject request) {
    if (!Actor.of(request).isAdmin()) {
      throw ServiceError.forbidden("Only admins may do this.");
    }
  }
}
