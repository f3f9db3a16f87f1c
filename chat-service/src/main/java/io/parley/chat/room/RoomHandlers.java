package io.parley.chat.room;

import io.parley.chat.ChatConfig;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rooms and membership: creating, listing, joining, leaving, inviting, direct rooms and the last room used. */
public final class RoomHandlers {

  private static final List<String> CREATABLE_TYPES = List.of(RoomStore.PUBLIC, RoomStore.PRIVATE);

  private final ChatConfig config;
  private final RoomStore rooms;
  private final RoomJournal journal;
  private final RoomAccess access;
  private final DirectRooms directRooms;
  private final UserDirectory users;
  private final RoomEvents events;

  public RoomHandlers(ChatConfig config, RoomStore rooms, RoomJournal journal, RoomAccess access, DirectRooms directRooms,
      UserDirectory users, RoomEvents events) {
    this.config = config;
    this.rooms = rooms;
    this.journal = journal;
    this.access = access;
    this.directRooms = directRooms;
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
        .compose(room -> journal.create(room.getString("_id"))
            .map(ignored -> RoomStore.view(room, new JsonObject()).put("member", true).put("unread", 0L)))
        .onSuccess(room -> events.membershipChanged(room, actor.id(), true));
  }

  public Future<JsonObject> join(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.existing(request.getValue("roomId")).compose(room -> {
      if (!RoomStore.PUBLIC.equals(room.getString("type"))) {
        return access.requireMember(room, actor).compose(member -> memberView(room, actor));
      }
      return rooms.addMember(room, actor.id()).compose(added -> memberView(room, actor).onSuccess(view -> {
        if (added) {
          events.membershipChanged(view, actor.id(), true);
        }
      }));
    });
  }

  public Future<JsonObject> leave(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.existing(request.getValue("roomId")).compose(room -> {
      String roomId = room.getString("_id");
      if (RoomStore.DIRECT.equals(room.getString("type"))) {
        return access.requireMember(room, actor).compose(member -> Future.failedFuture(
            ServiceError.forbidden("A direct room cannot be left.")));
      }
      return rooms.removeMember(roomId, actor.id()).compose(removed -> {
        if (removed) {
          events.membershipChanged(RoomStore.view(room, new JsonObject()), actor.id(), false);
          return Future.succeededFuture(new JsonObject());
        }
        // Not a member: nothing to do, but a private room says no more than it would to any outsider.
        return RoomStore.PUBLIC.equals(room.getString("type"))
            ? Future.succeededFuture(new JsonObject())
            : access.requireMember(room, actor).map(new JsonObject());
      });
    });
  }

  /** A member adds another user; the only way into a private room. */
  public Future<JsonObject> invite(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.asMember(request.getValue("roomId"), actor).compose(room -> {
      if (RoomStore.DIRECT.equals(room.getString("type"))) {
        return Future.failedFuture(ServiceError.forbidden("A direct room holds its two users only."));
      }
      String invitee = UserDirectory.userIdIn(request.getValue("userId"), "userId");
      return users.profile(invitee)
          .compose(profile -> rooms.addMember(room, invitee))
          .compose(added -> roomView(room).onSuccess(view -> {
            if (added) {
              events.membershipChanged(view, invitee, true);
            }
          }));
    });
  }

  /** A room with its members, each with whether they are online. */
  public Future<JsonObject> get(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.readable(request.getValue("roomId"), actor).compose(room -> {
      String roomId = room.getString("_id");
      return rooms.memberIds(roomId).compose(memberIds -> Future.all(
              memberView(room, actor), users.profiles(memberIds), users.online(memberIds))
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
    return Future.all(rooms.membershipsOfUser(actor.id()), rooms.publicRooms(), rooms.lastRoomOf(actor.id()))
        .compose(all -> {
          List<JsonObject> memberships = all.resultAt(0);
          List<JsonObject> publicRooms = all.resultAt(1);
          String lastRoomId = all.resultAt(2);
          return roomsOf(memberships).compose(mine -> {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            publicRooms.forEach(room -> byId.put(room.getString("_id"), room));
            mine.forEach(room -> byId.put(room.getString("_id"), room));
            return views(new ArrayList<>(byId.values()), memberships);
          }).map(views -> {
            JsonObject answer = new JsonObject().put("rooms", views);
            boolean lastStillListed = views.stream().anyMatch(v -> ((JsonObject) v).getString("id").equals(lastRoomId));
            return lastStillListed ? answer.put("lastRoomId", lastRoomId) : answer;
          });
        });
  }

  /** The rooms the actor is a member of, for the socket's {@code ready}. */
  public Future<JsonObject> ofUser(JsonObject request) {
    Actor actor = Actor.of(request);
    return rooms.membershipsOfUser(actor.id()).compose(memberships -> roomsOf(memberships)
        .compose(mine -> views(mine, memberships))
        .map(views -> new JsonObject().put("rooms", views)));
  }

  public Future<JsonObject> directRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    return directRooms.open(actor, request.getValue("userId"), "userId").compose(opened ->
        memberView(opened.room(), actor).map(view -> new JsonObject()
            .put("room", view).put("created", opened.created())));
  }

  public Future<JsonObject> setLastRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.readable(request.getValue("roomId"), actor)
        .compose(room -> rooms.rememberLastRoom(actor.id(), room.getString("_id")))
        .map(new JsonObject());
  }

  private Future<List<JsonObject>> roomsOf(List<JsonObject> memberships) {
    List<String> roomIds = memberships.stream().map(m -> m.getString("roomId")).toList();
    return roomIds.isEmpty() ? Future.succeededFuture(List.of()) : rooms.findByIds(roomIds);
  }

  /** Views of rooms sorted by name; those the actor is a member of carry {@code unread}. */
  private Future<JsonArray> views(List<JsonObject> found, List<JsonObject> memberships) {
    Map<String, Long> lastRead = new LinkedHashMap<>();
    memberships.forEach(m -> lastRead.put(m.getString("roomId"), m.getLong("lastReadSeq", 0L)));
    List<String> roomIds = found.stream().map(room -> room.getString("_id")).toList();
    return journal.countersOf(roomIds).map(counters -> {
      JsonArray views = new JsonArray();
      found.stream()
          .sorted(Comparator.comparing((JsonObject room) -> room.getString("name").toLowerCase(Locale.ROOT)))
          .forEach(room -> {
            String roomId = room.getString("_id");
            JsonObject view = RoomStore.view(room, counters.getOrDefault(roomId, new JsonObject()));
            Long read = lastRead.get(roomId);
            view.put("member", read != null);
            if (read != null) {
              view.put("unread", Math.max(0, view.getLong("lastSeq") - read));
            }
            views.add(view);
          });
      return views;
    });
  }

  private Future<JsonObject> roomView(JsonObject room) {
    String roomId = room.getString("_id");
    return Future.all(rooms.findById(roomId), journal.countersOf(List.of(roomId))).map(both -> {
      Map<String, JsonObject> counters = both.resultAt(1);
      return RoomStore.view(both.resultAt(0), counters.getOrDefault(roomId, new JsonObject()));
    });
  }

  /** The room as the actor sees it: with {@code member}, and {@code unread} when they are one. */
  private Future<JsonObject> memberView(JsonObject room, Actor actor) {
    return Future.all(roomView(room), rooms.membership(room.getString("_id"), actor.id())).map(both -> {
      JsonObject view = both.resultAt(0);
      JsonObject membership = both.resultAt(1);
      view.put("member", membership != null);
      if (membership != null) {
        view.put("unread", Math.max(0, view.getLong("lastSeq") - membership.getLong("lastReadSeq", 0L)));
      }
      return view;
    });
  }

  /** {@code {actor}} -> {@code {userIds}}: everyone sharing a room with the actor, for {@code ready.online}. */
  public Future<JsonObject> roommates(JsonObject request) {
    Actor actor = Actor.of(request);
    return rooms.roommatesOf(actor.id()).map(ids -> new JsonObject().put("userIds", new JsonArray(ids)));
  }

  /** {@code {userId}} -> {@code {roomIds}}: a user's rooms, for presence-service to announce to. */
  public Future<JsonObject> roomIdsOfUser(JsonObject request) {
    if (!(request.getValue("userId") instanceof String userId)) {
      return Future.failedFuture(ServiceError.invalid("userId", "must be a string"));
    }
    return rooms.membershipsOfUser(userId).map(memberships -> new JsonObject().put("roomIds",
        new JsonArray(memberships.stream().map(m -> m.getString("roomId")).toList())));
  }
}
