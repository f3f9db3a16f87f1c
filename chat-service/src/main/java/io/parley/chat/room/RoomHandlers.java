package io.parley.chat.room;

import io.parley.chat.ChatConfig;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.readstate.RoomCounters;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rooms: creating, showing, listing, and the direct room of two users. Joining and leaving are membership's. */
public final class RoomHandlers {

  private static final List<String> CREATABLE_TYPES = List.of(RoomStore.PUBLIC, RoomStore.PRIVATE);

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

  public RoomHandlers(ChatConfig config, RoomStore rooms, MembershipStore memberships, RoomJournal journal,
      RoomViews views, RoomAccess access, DirectRooms directRooms, RoomPrefs prefs, UserDirectory users,
      RoomEvents events) {
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
  }

  public Future<JsonObject> create(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String rawName = fields.requiredString("name", 1, Limits.ROOM_NAME_MAX_CHARS);
    String description = fields.optionalString("description", 0, Limits.ROOM_DESCRIPTION_MAX_CHARS);
    String type = fields.optionalEnum("type", CREATABLE_TYPES);
    Long capacity = fields.optionalLong("capacity", 2, Limits.ROOM_CAPACITY_MAX);
    String name = rawName == null ? null : rawName.strip();
    if (rawName != null && name.isEmpty()) {
      fields.reject("name", "must not be blank");
    } else if (name != null && name.chars().anyMatch(Character::isISOControl)) {
      fields.reject("name", "must not contain control characters");
    }
    fields.throwIfInvalid();
    int roomCapacity = capacity == null ? config.defaultCapacity() : capacity.intValue();
    return rooms.create(name, description == null ? "" : description.strip(), type == null ? RoomStore.PUBLIC : type,
            roomCapacity, actor.id())
        .compose(room -> memberships.addCreator(room.getString("_id"), actor.id()).map(room))
        .compose(room -> journal.create(room.getString("_id"))
            .map(ignored -> RoomStore.view(room, RoomCounters.NONE).put("member", true).put("unread", 0L)))
        .onSuccess(room -> events.membershipChanged(room, actor.id(), true));
  }

  /** A room with its members, each with whether they are online. */
  public Future<JsonObject> get(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.readable(request.getValue("roomId"), actor).compose(room -> {
      String roomId = room.getString("_id");
      return memberships.memberIds(roomId).compose(memberIds -> Future.all(
              views.memberView(room, actor), users.profiles(memberIds), users.online(memberIds))
          .map(all -> {
            Map<String, JsonObject> profiles = all.resultAt(1);
            Set<String> online = all.resultAt(2);
            JsonArray members = new JsonArray();
            for (String memberId : memberIds) {
              JsonObject profile = profiles.get(memberId);
              if (profile != null) {
                members.add(profile.copy().put("online", online.contains(memberId)));
              }
            }
            return all.<JsonObject>resultAt(0).put("members", members);
          }));
    });
  }

  /** Every public room and every room of the actor, with the room the actor last had open. */
  public Future<JsonObject> list(JsonObject request) {
    Actor actor = Actor.of(request);
    return Future.all(memberships.membershipsOfUser(actor.id()), rooms.publicRooms(), prefs.lastRoomOf(actor.id()))
        .compose(all -> {
          List<JsonObject> mine = all.resultAt(0);
          List<JsonObject> publicRooms = all.resultAt(1);
          String lastRoomId = all.resultAt(2);
          return roomsOf(mine).compose(joined -> {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            publicRooms.forEach(room -> byId.put(room.getString("_id"), room));
            joined.forEach(room -> byId.put(room.getString("_id"), room));
            return views.views(new ArrayList<>(byId.values()), mine);
          }).map(listed -> {
            JsonObject answer = new JsonObject().put("rooms", listed);
            boolean lastStillListed = listed.stream()
                .anyMatch(view -> ((JsonObject) view).getString("id").equals(lastRoomId));
            return lastStillListed ? answer.put("lastRoomId", lastRoomId) : answer;
          });
        });
  }

  /** The rooms the actor is a member of, for the socket's {@code ready}. */
  public Future<JsonObject> ofUser(JsonObject request) {
    Actor actor = Actor.of(request);
    return memberships.membershipsOfUser(actor.id()).compose(mine -> roomsOf(mine)
        .compose(joined -> views.views(joined, mine))
        .map(listed -> new JsonObject().put("rooms", listed)));
  }

  public Future<JsonObject> directRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    return directRooms.open(actor, request.getValue("userId"), "userId").compose(opened ->
        views.memberView(opened.room(), actor).map(view -> new JsonObject()
            .put("room", view).put("created", opened.created())));
  }

  private Future<List<JsonObject>> roomsOf(List<JsonObject> memberships) {
    return rooms.findByIds(memberships.stream().map(m -> m.getString("roomId")).toList());
  }
}
