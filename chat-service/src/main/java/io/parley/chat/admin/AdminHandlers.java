package io.parley.chat.admin;

import io.parley.chat.directory.AdminCheck;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.MessageStore;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.ChatAdminService;
import io.parley.contract.chat.ChatStats;
import io.parley.contract.chat.RoomRef;
import io.vertx.core.Future;

/**
 * The admin panel's chat side: counts, and deleting a room. The gateway has the admin's current role confirmed
 * by auth-service before it asks; chat-service asks again, through {@link AdminCheck}, as it does wherever it
 * grants admin power.
 */
public final class AdminHandlers implements ChatAdminService {

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

  @Override
  public Future<ChatStats> stats(Actor admin) {
    return requireAdmin(admin).compose(allowed -> Future.all(rooms.count(), messages.count()))
        .map(both -> new ChatStats(both.<Long>resultAt(0), both.<Long>resultAt(1)));
  }

  /** Deletes a room with everything of it: see {@link RoomDeletion}. */
  @Override
  public Future<Void> deleteRoom(Actor admin, RoomRef room) {
    return requireAdmin(admin).compose(allowed -> deletion.delete(room.roomId()));
  }

  private Future<Void> requireAdmin(Actor actor) {
    return admins.require(actor, ServiceError.forbidden("Only admins may do this."));
  }
}
