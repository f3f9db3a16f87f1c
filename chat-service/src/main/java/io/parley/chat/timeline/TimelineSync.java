package io.parley.chat.timeline;

import io.parley.chat.room.RoomStore;
import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
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

  private final MongoClient mongo;
  private final RoomStore rooms;
  private final RoomJournal journal;

  public TimelineSync(MongoClient mongo, RoomStore rooms, RoomJournal journal) {
    this.mongo = mongo;
    this.rooms = rooms;
    this.journal = journal;
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
    return rooms.membership(roomId, actor.id()).compose(member -> {
      if (member == null) {
        return Future.succeededFuture(null);
      }
      return journal.countersOf(List.of(roomId)).compose(counters -> {
        long current = counters.getOrDefault(roomId, new JsonObject()).getLong("version", 0L);
        long to = Math.min(current, since + MAX_CHANGES_PER_ROOM);
        boolean complete = to >= current;
        return changedMessages(roomId, since, to).map(messages -> new JsonObject()
            .put("roomId", roomId)
            .put("version", Math.max(since, to))
            .put("complete", complete)
            .put("messages", new JsonArray(messages.stream().map(MessageStore::view).toList())));
      });
    });
  }

  private Future<List<JsonObject>> changedMessages(String roomId, long since, long to) {
    if (to <= since) {
      return Future.succeededFuture(List.of());
    }
    return changeLog(roomId, since, to).compose(changes -> changes.size() == to - since
            ? Future.succeededFuture(changes)
            : journal.catchUp(roomId).compose(ignored -> changeLog(roomId, since, to)))
        .compose(changes -> {
          Set<String> messageIds = new LinkedHashSet<>();
          changes.forEach(change -> messageIds.add(change.getString("messageId")));
          if (messageIds.isEmpty()) {
            return Future.succeededFuture(List.of());
          }
          return mongo.find(RoomJournal.MESSAGES, new JsonObject()
                  .put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(messageIds)))))
              .map(found -> {
                List<JsonObject> sorted = new ArrayList<>(found);
                sorted.sort(Comparator.comparingLong(m -> m.getLong("version")));
                return sorted;
              });
        });
  }

  private Future<List<JsonObject>> changeLog(String roomId, long since, long to) {
    JsonArray ids = new JsonArray();
    for (long version = since + 1; version <= to; version++) {
      ids.add(RoomJournal.changeId(roomId, version));
    }
    return mongo.find(RoomJournal.CHANGES, new JsonObject().put("_id", new JsonObject().put("$in", ids)));
  }
}
