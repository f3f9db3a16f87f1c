package io.parley.chat.admin;

import io.parley.chat.directory.AdminCheck;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The admin panel's chat side: counts, and deleting a room. The gateway has the admin's current role confirmed
 * by auth-service before it asks; chat-service asks again, through {@link AdminCheck}, as it does wherever it
 * grants admin power.
 */
public final class AdminHandlers {

  private final RoomStore rooms;
  private final MessageStore messages;
  private final RoomDeletion deletion;
  private final AdminCheck admins;

  public AdminHandlers(RoomStore rooms, MessageStore messages, RoomDeletion deletion, AdminCheck admins) {
    this.rooms = rooms;
    this.messages = messages;
    this.deletion = deletion;
    this.admins = admins;
  }

  public Future<JsonObject> stats(JsonObject request) {
    return requireAdmin(request).compose(admin -> Future.all(rooms.count(), messages.count()))
        .map(both -> new JsonObject().put("rooms", both.<Long>resultAt(0)).put("messages", both.<Long>resultAt(1)));
  }

  /** Deletes a room with everything of it: see {@link RoomDeletion}. */
  public Future<JsonObject> deleteRoom(JsonObject request) {
    Object roomId = request.getValue("roomId");
    return requireAdmin(request).compose(admin -> Ids.looksValid(roomId)
            ? deletion.delete((String) roomId)
            : Future.failedFuture(ServiceError.notFound("Room")))
        .map(new JsonObject());
  }

  private Future<Void> requireAdmin(JsonObject request) {
    return admins.require(Actor.of(request), ServiceError.forbidden("Only admins may do this."));
  }
}
