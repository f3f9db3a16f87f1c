package io.parley.chat.timeline;

import io.parley.chat.membership.MembershipStore;
import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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

  /** {@code {actor, rooms:{roomId: version}}} -> {@code {rooms:[{roomId, version, complete, messages}]}}. */
  public Future<JsonObject> sync(JsonObject request) {
    Actor actor = Actor.of(request);
    if (!(request.getValue("rooms") instanceof JsonObject asked)) {
      return Future.failedFuture(ServiceError.invalid("rooms", "must be an object of roomId to version"));
    }
    List<String> problems = new ArrayList<>();
    asked.forEach(entry -> {
      if (!Ids.looksValid(entry.getKey()) || !(entry.getValue() instanceof Number n) || n.longValue() < 0
          || n.doubleValue() != Math.floor(n.doubleValue())) {
        problems.add(entry.getKey());
      }
    });
    if (!problems.isEmpty() || asked.size() > 1000) {
      return Future.failedFuture(ServiceError.invalid("rooms",
          "must map at most 1000 room ids to whole, non-negative versions"));
    }
    List<Future<JsonObject>> perRoom = new ArrayList<>();
    asked.forEach(entry -> perRoom.add(syncRoom(actor, entry.getKey(), ((Number) entry.getValue()).longValue())));
    return Future.all(perRoom).map(all -> {
      JsonArray result = new JsonArray();
      for (Future<JsonObject> room : perRoom) {
        if (room.result() != null) {
          result.add(room.result());
        }
      }
      return new JsonObject().put("rooms", result);
    });
  }

  /** One room's changes, or null when the actor is not a member (a client learns nothing of it). */
  private Future<JsonObject> syncRoom(Actor actor, String roomId, long since) {
    return memberships.membership(roomId, actor.id()).compose(member -> {
      if (member == null) {
        return Future.succeededFuture(null);
      }
      return journal.countersOf(roomId).compose(counters -> {
        long current = counters.version();
        long to = Math.min(current, since + MAX_CHANGES_PER_ROOM);
        boolean complete = to >= current;
        return changedMessages(roomId, since, to).map(changed -> new JsonObject()
            .put("roomId", roomId)
            .put("version", Math.max(since, to))
            .put("complete", complete)
            .put("messages", new JsonArray(changed.stream().map(MessageStore::view).toList())));
      });
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
