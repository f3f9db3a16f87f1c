package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import java.util.List;

/**
 * Who is in which room. Each change is told to the room's members ({@code member_joined}/{@code member_left}) and
 * to the user's own gateways ({@code membership}), which move the user's sockets' subscriptions.
 */
public interface MembershipService {

  /** Joins a public room ({@code room_full} past capacity); for other rooms, only a member gets an answer. */
  Future<Room> join(Actor actor, RoomRef room);

  /** Leaves a room; leaving one not joined changes nothing; direct rooms cannot be left. */
  Future<Void> leave(Actor actor, RoomRef room);

  /** A member adds another user: the way into a private room. */
  Future<Room> invite(Actor actor, Invitation invitation);

  /** Everyone who shares a room with the actor, the actor included: whose presence {@code ready} reports. */
  Future<List<String>> roommates(Actor actor);

  /** A user's room ids, for a service that routes events to them (presence-service). */
  Future<List<String>> roomIdsOf(String userId);

  /**
   * Removes a member, by an owner of the room or an admin ({@code owner_only} otherwise): the removed user's
   * sockets get {@code member_left} and stop receiving the room.
   */
  Future<Void> removeMember(Actor actor, RoomMember member);

  /** Makes a member an owner, by an owner of the room or an admin; every member gets {@code room_updated}. */
  Future<Room> addOwner(Actor actor, RoomMember member);
}
