package io.parley.chat.room;

import io.parley.chat.membership.MembershipStore;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.readstate.UnreadCounts;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rooms as the contract shows them: with the journal's counters, and for a member, what is unread ({@link
 * UnreadCounts}) and whether they muted it.
 */
public final class RoomViews {

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final UnreadCounts unread;
  private final RoomPrefs prefs;

  public RoomViews(RoomStore rooms, MembershipStore memberships, RoomJournal journal, UnreadCounts unread,
      RoomPrefs prefs) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
    this.unread = unread;
    this.prefs = prefs;
  }

  /** The room as stored now (its member count may have just changed), with its counters. */
  public Future<Room> roomView(JsonObject room) {
    String roomId = room.getString("_id");
    return Future.all(rooms.findById(roomId), journal.countersOf(roomId))
        .map(both -> toRoom(currentOr(both.resultAt(0), room), both.resultAt(1)));
  }

  /** The room as the actor sees it: with {@code member}, and what is unread and muted when they are one. */
  public Future<Room> memberView(JsonObject room, Actor actor) {
    String roomId = room.getString("_id");
    return Future.all(rooms.findById(roomId), journal.countersOf(roomId), memberships.membership(roomId, actor.id()))
        .compose(all -> {
          JsonObject membership = all.resultAt(2);
          RoomCounters counters = all.resultAt(1);
          Room view = toRoom(currentOr(all.resultAt(0), room), counters);
          if (membership == null) {
            return Future.succeededFuture(view.forNonMember());
          }
          UnreadCounts.Seen seen = new UnreadCounts.Seen(roomId, counters, membership.getLong("lastReadSeq", 0L));
          return Future.all(unread.reading(actor.id(), seen), prefs.of(actor.id())).map(both -> {
            Room.Reading reading = both.resultAt(0);
            boolean muted = both.<RoomPrefs.Prefs>resultAt(1).muted().contains(roomId);
            return view.forMember(new Room.Reading(reading.unread(), reading.mentions(), muted));
          });
        });
  }

  /**
   * Rooms sorted by name; those the user is a member of (by their memberships) carry what is unread, and
   * {@code muted} from the user's muted rooms.
   */
  public Future<List<Room>> views(List<JsonObject> found, List<JsonObject> membershipsOfUser, String userId,
      Set<String> muted) {
    Map<String, Long> lastRead = new LinkedHashMap<>();
    membershipsOfUser.forEach(m -> lastRead.put(m.getString("roomId"), m.getLong("lastReadSeq", 0L)));
    List<String> roomIds = found.stream().map(room -> room.getString("_id")).toList();
    return journal.countersOf(roomIds).compose(counters -> {
      List<UnreadCounts.Seen> seen = new ArrayList<>();
      roomIds.stream().filter(lastRead::containsKey)
          .forEach(id -> seen.add(new UnreadCounts.Seen(id, counters.get(id), lastRead.get(id))));
      return unread.readings(userId, seen).map(readings -> found.stream()
          .sorted(Comparator.comparing((JsonObject room) -> room.getString("name").toLowerCase(Locale.ROOT)))
          .map(room -> {
            String roomId = room.getString("_id");
            Room view = toRoom(room, counters.get(roomId));
            Room.Reading reading = readings.get(roomId);
            return reading == null ? view.forNonMember() : view.forMember(
                new Room.Reading(reading.unread(), reading.mentions(), muted.contains(roomId)));
          })
          .toList());
    });
  }

  /** A room read again is gone when a deletion began in between: the view is then of the room as it was. */
  private static JsonObject currentOr(JsonObject current, JsonObject room) {
    return current == null ? room : current;
  }

  /** A stored room as named beside what is found in it. */
  public static RoomSummary summary(JsonObject room) {
    return new RoomSummary(room.getString("_id"), room.getString("name"), room.getString("type"));
  }

  /** The contract's room, with the journal's counters; {@code member} and {@code unread} are the viewer's to add. */
  public static Room toRoom(JsonObject room, RoomCounters counters) {
    boolean direct = StoredRoom.is(room, Room.DIRECT);
    return new Room(room.getString("_id"), room.getString("name"), room.getString("type"),
        room.getString("description", ""), room.getInteger("capacity"), room.getInteger("memberCount"), counters,
        null, null, direct ? JsonValues.strings(room.getJsonArray("userIds")) : null, StoredRoom.owners(room),
        room.getString("topic", ""), null, null);
  }
}
