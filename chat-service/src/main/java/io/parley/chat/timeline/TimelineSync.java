package io.parley.chat.timeline;

import io.parley.chat.membership.MembershipStore;
import io.parley.contract.Actor;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers {@code sync}: for each room a client names with the last version it saw, every message created or
 * changed after that version, in its current state, ordered by its latest change. The change log
 * ({@code room_changes}, keyed by room and version) makes this a lookup of known ids, never a scan.
 */
public final class TimelineSync {

  /** Changes sent per room and request; a client that is further behind syncs again from where it got. */
  static final int MAX_CHANGES_PER_ROOM = 2_000;

  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final ChangeLog changes;
  private final MessageStore messages;

  public TimelineSync(MembershipStore memberships, RoomJournal journal, ChangeLog changes, MessageStore messages) {
    this.memberships = memberships;
    this.journal = journal;
    this.changes = changes;
    this.messages = messages;
  }

  /** For each room asked of which the actor is a member, what changed since; the others are left out. */
  public Future<List<SyncedRoom>> sync(Actor actor, SyncQuery query) {
    List<Future<SyncedRoom>> perRoom = new ArrayList<>();
    query.rooms().forEach((roomId, since) -> perRoom.add(syncRoom(actor, roomId, since)));
    return Future.all(perRoom).map(all -> {
      List<SyncedRoom> result = new ArrayList<>();
      for (Future<SyncedRoom> room : perRoom) {
        if (room.result() != null) {
          result.add(room.result());
        }
      }
      return result;
    });
  }

  /** One room's changes, or null when the actor is not a member (a client learns nothing of it). */
  private Future<SyncedRoom> syncRoom(Actor actor, String roomId, long since) {
    return memberships.membership(roomId, actor.id())
        .compose(member -> member == null ? Future.succeededFuture(null) : changes(roomId, since));
  }

  /** A room's changes after a version, whoever asks: at most {@value #MAX_CHANGES_PER_ROOM} of them. */
  Future<SyncedRoom> changes(String roomId, long since) {
    return journal.countersOf(roomId).compose(counters -> {
      long current = counters.version();
      long to = Math.min(current, since + MAX_CHANGES_PER_ROOM);
      boolean complete = to >= current;
      return changedMessages(roomId, since, to).map(changed -> new SyncedRoom(roomId, Math.max(since, to), complete,
          changed.stream().map(MessageStore::toMessage).toList()));
    });
  }

  private Future<List<JsonObject>> changedMessages(String roomId, long since, long to) {
    if (to <= since) {
      return Future.succeededFuture(List.of());
    }
    return changes.between(roomId, since, to).compose(found -> found.size() == to - since
            ? Future.succeededFuture(found)
            : journal.catchUp(roomId).compose(ignored -> changes.between(roomId, since, to)))
        .compose(found -> {
          Set<String> messageIds = new LinkedHashSet<>();
          found.forEach(change -> messageIds.add(change.getString("messageId")));
          return messages.byIdsInVersionOrder(messageIds);
        });
  }
}
