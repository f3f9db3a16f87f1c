package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import java.util.List;

/**
 * chat-service's rooms: creating, showing and listing them, direct rooms, and the room a user last had open. A
 * room id that names nothing is {@code not_found}; a room the actor may not see into is {@code forbidden}.
 */
public interface RoomService {

  /** A new room, the actor its first member; {@code name_taken} for a name that exists in any case. */
  Future<Room> create(Actor actor, NewRoom room);

  /** A room with its members, to whoever may read it (public rooms: everyone; others: members). */
  Future<RoomDetail> room(Actor actor, RoomRef room);

  /** Every public room and every room of the actor, those of the actor with {@code unread}. */
  Future<RoomList> list(Actor actor);

  /** The rooms the actor is a member of, with counters and {@code unread}: what {@code ready} shows. */
  Future<List<Room>> roomsOf(Actor actor);

  /** Every room the actor may read now, named and without counters: what search-service filters by. */
  Future<List<RoomSummary>> readable(Actor actor);

  /** The direct room of the actor and another user, made on first use. */
  Future<DirectRoom> directRoom(Actor actor, DirectRoomRequest request);

  /** Remembers the room the actor last had open (a room they may read), listed as {@code lastRoomId}. */
  Future<Void> setLastRoom(Actor actor, RoomRef room);

  /**
   * Renames a room or sets its description or topic: by an owner of it or an admin ({@code owner_only}
   * otherwise); {@code name_taken} as for a new room. Every member gets {@code room_updated}.
   */
  Future<Room> update(Actor actor, RoomChange change);

  /** A member's own settings for a room ({@code muted}); answers the room as they now see it. */
  Future<Room> setPrefs(Actor actor, RoomPrefsChange change);
}
