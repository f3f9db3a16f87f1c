package io.parley.chat.admin;

import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.MessageStore;
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
  private final MessageStore messages;
  private final RoomDeletion deletion;

  public AdminHandlers(RoomStore rooms, MessageStore messages, RoomDeletion deletion) {
    this.rooms = rooms;
    this.messages = messages;
    this.deletion = deletion;
  }

  public Future<JsonObject> stats(JsonObject request) {
    requireAdmin(request);
    return Future.all(rooms.count(), messages.count())
        .map(both -> new JsonObject().put("rooms", both.<Long>resultAt(0)).put("messages", both.<Long>resultAt(1)));
  }

  /** Deletes a room with everything of it: see {@link RoomDeletion}. */
  public Future<JsonObject> deleteRoom(JsonObject request) {
    requireAdmin(request);
    Object roomId = request.getValue("roomId");
    if (!Ids.looksValid(roomId)) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    return deletion.delete((String) roomId).map(new JsonObject());
  }

  private static void requireAdmin(JsonObject request) {
    if (!Actor.of(request).isAdmin()) {
      throw ServiceError.forbidden("Only admins may do this.");
    }
  }
}
