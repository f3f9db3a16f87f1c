package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.vertx.core.Future;

/** chat-service's side of the admin panel; each call asks auth-service whether the actor is an admin now. */
public interface ChatAdminService {

  Future<ChatStats> stats(Actor admin);

  /**
   * Deletes a room with everything of it (messages, files and their links, memberships...); every member is told
   * {@code member_left} and their sockets leave it.
   */
  Future<Void> deleteRoom(Actor admin, RoomRef room);
}
