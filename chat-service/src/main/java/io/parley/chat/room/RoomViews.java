package io.parley.chat.room;

import io.parley.chat.membership.MembershipStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rooms as the contract shows them: with the journal's counters, and for a member, whether and what is unread. */
public final class RoomViews {

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;

  public RoomViews(RoomStore rooms, MembershipStore memberships, RoomJournal journal) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
  }

  /** The room as stored now (its member count may have just changed), with its counters. */
  public Future<Room> roomView(JsonObject room) {
    String roomId = room.getString("_id");
    return Future.all(rooms.findById(roomId), journal.countersOf(roomId))
        .map(both -> RoomStore.toRoom(currentOr(both.resultAt(0), room), both.resultAt(1)));
  }

  /** The room as the actor sees it: with {@code member}, and {@code unread} when they are one. */
  public Future<Room> memberView(JsonObject room, Actor actor) {
    String roomId = room.getString("_id");
    return Future.all(rooms.findById(roomId), journal.countersOf(roomId), memberships.membership(roomId, actor.id()))
        .map(all -> {
          JsonObject membership = all.resultAt(2);
          return forViewer(RoomStore.toRoom(currentOr(all.resultAt(0), room), all.resultAt(1)),
              membership == null ? null : membership.getLong("lastReadSeq", 0L));
        });
  }

  /** Rooms sorted by name; those the actor is a member of (by their memberships) carry {@code unread}. */
  public Future<List<Room>> views(List<JsonObject> found, List<JsonObject> membershipsOfActor) {
    Map<String, Long> lastRead = new LinkedHashMap<>();
    membershipsOfActor.forEach(m -> lastRead.put(m.getString("roomId"), m.getLong("lastReadSeq", 0L)));
    List<String> roomIds = found.stream().map(room -> room.getString("_id")).toList();
    return journal.countersOf(roomIds).map(counters -> found.stream()
        .sorted(Comparator.comparing((JsonObject room) -> room.getString("name").toLowerCase(Locale.ROOT)))
        .map(room -> {
          String roomId = room.getString("_id");
          RoomCounters of = counters.get(roomId);
          return forViewer(RoomStore.toRoom(room, of), lastRead.get(roomId));
        })
        .toList());
  }

  /** A room read again is gone when a deletion began in between: the view is then of the room as it was. */
  private static JsonObject currentOr(JsonObject current, JsonObject room) {
    return current == null ? room : current;
  }

  private static Room forViewer(Room room, Long lastReadSeq) {
    return lastReadSeq == null ? room.forNonMember() : room.forMember(lastReadSeq);
  }
}
