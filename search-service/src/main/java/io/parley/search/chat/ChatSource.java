package io.parley.search.chat;

import io.parley.contract.Actor;
import io.parley.contract.chat.RoomVersion;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.chat.TimelineChanged;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * What search-service needs of chat-service: its timeline changes, as they happen and from its change log, and
 * which rooms a user may read. Over the bus in {@link BusChatSource}; a test's fake stands in for it.
 */
public interface ChatSource {

  /** Every room with the version of its timeline now. */
  Future<List<RoomVersion>> roomVersions();

  /** A page of the changes of a room after a version: each message changed, as it now is. */
  Future<SyncedRoom> changesAfter(String roomId, long version);

  /** The rooms the actor may read now: every public room and every room they are a member of. */
  Future<List<RoomSummary>> readableRooms(Actor actor);

  /** Hands every timeline change chat-service announces to the handler; completes once it listens cluster-wide. */
  Future<Void> listen(Consumer<TimelineChanged> handler);
}
