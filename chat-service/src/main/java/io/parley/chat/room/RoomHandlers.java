package io.parley.chat.room;

import io.parley.chat.ChatConfig;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.membership.Welcome;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.chat.DirectRoom;
import io.parley.contract.chat.DirectRoomRequest;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.RoomChange;
import io.parley.contract.chat.RoomDetail;
import io.parley.contract.chat.RoomList;
import io.parley.contract.chat.RoomPrefsChange;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.chat.RoomService;
import io.parley.contract.frame.RoomUpdated;
import io.parley.contract.model.Member;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rooms: creating, showing, listing, direct rooms, the last room open, settings and a member's own prefs.
 * Joining and leaving are membership's; a user's first list of rooms takes them into #general ({@link Welcome}).
 */
public final class RoomHandlers implements RoomService {

  private final ChatConfig config;
  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final RoomViews views;
  private final RoomAccess access;
  private final DirectRooms directRooms;
  private final RoomPrefs prefs;
  private final UserDirectory users;
  private final RoomEvents events;
  private final Welcome welcome;

  public RoomHandlers(ChatConfig config, RoomStore rooms, MembershipStore memberships, RoomJournal journal,
      RoomViews views, RoomAccess access, DirectRooms directRooms, RoomPrefs prefs, UserDirectory users,
      RoomEvents events, Welcome welcome) {
    this.config = config;
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
    this.views = views;
    this.access = access;
    this.directRooms = directRooms;
    this.prefs = prefs;
    this.users = users;
    this.events = events;
    this.welcome = welcome;
  }

  @Override
  public Future<Room> create(Actor actor, NewRoom request) {
    int capacity = request.capacity() == null ? config.defaultCapacity() : request.capacity();
    return rooms.create(request.name(), request.description(), request.type(), capacity, actor.id())
        .compose(room -> memberships.addCreator(room.getString("_id"), actor.id()).map(room))
        .compose(room -> journal.create(room.getString("_id"))
            .map(ignored -> RoomViews.toRoom(room, RoomCounters.ZERO).forMember(0)))
        .onSuccess(room -> events.joined(room, actor.id()));
  }

  /** A room with its members, each with whether they are online. */
  @Override
  public Future<RoomDetail> room(Actor actor, RoomRef request) {
    return access.readable(request.roomId(), actor).compose(room -> {
      String roomId = room.getString("_id");
      return memberships.memberIds(roomId).compose(memberIds -> Future.all(
              views.memberView(room, actor), users.profiles(memberIds), users.online(memberIds))
          .map(all -> {
            Map<String, UserRef> profiles = all.resultAt(1);
            Set<String> online = all.resultAt(2);
            List<Member> members = new ArrayList<>();
            for (String memberId : memberIds) {
              UserRef profile = profiles.get(memberId);
              if (profile != null) {
                members.add(new Member(profile, online.contains(memberId)));
              }
            }
            return new RoomDetail(all.resultAt(0), members);
          }));
    });
  }

  /** Every public room and every room of the actor, with the room the actor last had open. */
  @Override
  public Future<RoomList> list(Actor actor) {
    return welcome.welcome(actor.id()).compose(mine -> Future.all(memberships.membershipsOfUser(actor.id()),
            rooms.publicRooms())
        .compose(all -> {
          List<JsonObject> memberOf = all.resultAt(0);
          List<JsonObject> publicRooms = all.resultAt(1);
          String lastRoomId = mine.lastRoomId();
          return roomsOf(memberOf).compose(joined -> {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            publicRooms.forEach(room -> byId.put(room.getString("_id"), room));
            joined.forEach(room -> byId.put(room.getString("_id"), room));
            return views.views(new ArrayList<>(byId.values()), memberOf, actor.id(), mine.muted());
          }).map(listed -> new RoomList(listed,
              listed.stream().anyMatch(room -> room.id().equals(lastRoomId)) ? lastRoomId : null));
        }));
  }

  /** The rooms the actor is a member of, for the socket's {@code ready}. */
  @Override
  public Future<List<Room>> roomsOf(Actor actor) {
    return welcome.welcome(actor.id()).compose(mine -> memberships.membershipsOfUser(actor.id())
        .compose(memberOf -> roomsOf(memberOf)
            .compose(joined -> views.views(joined, memberOf, actor.id(), mine.muted()))));
  }

  /** Every public room and every room of the actor, without counters: no unread to count, no #general to join. */
  @Override
  public Future<List<RoomSummary>> readable(Actor actor) {
    return Future.all(memberships.membershipsOfUser(actor.id()), rooms.publicRooms()).compose(all -> {
      List<JsonObject> publicRooms = all.resultAt(1);
      Set<String> publicIds = new HashSet<>();
      publicRooms.forEach(room -> publicIds.add(room.getString("_id")));
      List<String> others = all.<List<JsonObject>>resultAt(0).stream().map(m -> m.getString("roomId"))
          .filter(id -> !publicIds.contains(id)).toList();
      return rooms.findByIds(others).map(joined -> {
        List<RoomSummary> readable = new ArrayList<>();
        publicRooms.forEach(room -> readable.add(RoomViews.summary(room)));
        joined.forEach(room -> readable.add(RoomViews.summary(room)));
        return readable;
      });
    });
  }

  /** An owner or an admin renames the room or sets its description or topic; every member is told. */
  @Override
  public Future<Room> update(Actor actor, RoomChange change) {
    return access.asOwnerOrAdmin(change.roomId(), actor)
        .compose(room -> rooms.updateSettings(change.roomId(), change.name(), change.description(), change.topic()))
        .compose(updated -> views.roomView(updated).onSuccess(events::roomUpdated)
            .compose(told -> views.memberView(updated, actor)));
  }

  /** A member mutes or unmutes the room; their other sockets are told on the user's own address. */
  @Override
  public Future<Room> setPrefs(Actor actor, RoomPrefsChange change) {
    return access.asMember(change.roomId(), actor).compose(room ->
        prefs.setMuted(actor.id(), change.roomId(), change.muted())
            .compose(set -> views.memberView(room, actor))
            .onSuccess(view -> events.toUser(actor.id(), new RoomUpdated(view))));
  }

  @Override
  public Future<DirectRoom> directRoom(Actor actor, DirectRoomRequest request) {
    return directRooms.open(actor, request.userId(), "userId").compose(opened ->
        views.memberView(opened.room(), actor).map(view -> new DirectRoom(view, opened.created())));
  }

  /** Remembers the room the actor last had open: one they may read. */
  @Override
  public Future<Void> setLastRoom(Actor actor, RoomRef request) {
    return access.readable(request.roomId(), actor)
        .compose(room -> prefs.rememberLastRoom(actor.id(), room.getString("_id")));
  }

  private Future<List<JsonObject>> roomsOf(List<JsonObject> memberships) {
    return rooms.findByIds(memberships.stream().map(m -> m.getString("roomId")).toList());
  }
}
