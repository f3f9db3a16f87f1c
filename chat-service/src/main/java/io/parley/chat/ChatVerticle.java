package io.parley.chat;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.ServiceError;
import io.parley.platform.BusEndpoints;
import io.parley.platform.MongoStore;
import io.parley.platform.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** chat-service: rooms, membership and messages, answering on the {@code parley.chat.*} addresses. */
public class ChatVerticle extends VerticleBase {

  public static final String SERVICE = "chat-service";
  private static final List<String> CREATABLE_TYPES = List.of("public", "private");

  private ChatConfig config;
  private MongoClient mongo;
  private RoomStore rooms;
  private MessageStore messages;
  private RoomJournal journal;
  private UserDirectory users;
  private TimelineSync timelineSync;

  @Override
  public Future<?> start() {
    return ParleyConfig.load(vertx, SERVICE, config())
        .compose(loaded -> {
          config = ChatConfig.from(loaded);
          mongo = MongoStore.client(vertx, loaded, SERVICE);
          rooms = new RoomStore(mongo);
          messages = new MessageStore(mongo);
          journal = new RoomJournal(mongo);
          users = new UserDirectory(vertx.eventBus());
          timelineSync = new TimelineSync(mongo, rooms, journal);
          return MongoStore.ping(mongo);
        })
        .compose(ignored -> rooms.createIndexes())
        .compose(ignored -> new BusEndpoints(vertx.eventBus())
            .serve(Addresses.CHAT_ROOM_CREATE, this::createRoom)
            .serve(Addresses.CHAT_ROOM_JOIN, this::joinRoom)
            .serve(Addresses.CHAT_ROOMS_OF_USER, this::roomsOfUser)
            .serve(Addresses.CHAT_MESSAGE_SEND, this::sendMessage)
            .serve(Addresses.CHAT_HISTORY, this::history)
            .serve(Addresses.CHAT_SYNC, request -> timelineSync.sync(request))
            .serve(Addresses.CHAT_ROOMMATES, this::roommates)
            .serve(Addresses.CHAT_ROOM_IDS_OF_USER, this::roomIdsOfUser)
            .serve(Addresses.CHAT_HEALTH, this::health)
            .ready());
  }

  @Override
  public Future<?> stop() {
    return mongo == null ? Future.succeededFuture() : mongo.close();
  }

  private Future<JsonObject> createRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String rawName = fields.requiredString("name", 1, Limits.ROOM_NAME_MAX_CHARS);
    String description = fields.optionalString("description", 0, Limits.ROOM_DESCRIPTION_MAX_CHARS);
    String type = fields.optionalEnum("type", CREATABLE_TYPES);
    Long capacity = fields.optionalLong("capacity", 2, Limits.ROOM_CAPACITY_MAX);
    String name = rawName == null ? null : rawName.strip();
    if (rawName != null && name.isEmpty()) {
      fields.reject("name", "must not be blank");
    }
    fields.throwIfInvalid();
    int roomCapacity = capacity == null ? config.defaultCapacity() : capacity.intValue();
    return rooms.create(name, description == null ? "" : description.strip(), type == null ? "public" : type,
            roomCapacity, actor.id())
        .compose(room -> journal.create(room.getString("_id"))
            .map(ignored -> RoomStore.view(room, new JsonObject())))
        .onSuccess(room -> announceMembership(room.getString("id"), actor.id(), true));
  }

  private Future<JsonObject> joinRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    return existingRoom(request.getValue("roomId")).compose(room -> {
      String roomId = room.getString("_id");
      if (!"public".equals(room.getString("type"))) {
        return rooms.membership(roomId, actor.id()).compose(member -> member != null
            ? roomView(roomId)
            : Future.failedFuture(ServiceError.forbidden("This room is private: ask a member for an invite.")));
      }
      return rooms.addMember(room, actor.id()).compose(added -> {
        if (added) {
          announceMembership(roomId, actor.id(), true);
        }
        return roomView(roomId);
      });
    });
  }

  private Future<JsonObject> roomsOfUser(JsonObject request) {
    Actor actor = Actor.of(request);
    return rooms.membershipsOfUser(actor.id()).compose(memberships -> {
      List<String> roomIds = memberships.stream().map(m -> m.getString("roomId")).toList();
      if (roomIds.isEmpty()) {
        return Future.succeededFuture(new JsonObject().put("rooms", new JsonArray()));
      }
      return Future.all(rooms.findByIds(roomIds), journal.countersOf(roomIds)).map(both -> {
        List<JsonObject> found = both.resultAt(0);
        Map<String, JsonObject> counters = both.resultAt(1);
        JsonArray views = new JsonArray();
        for (JsonObject room : found) {
          String roomId = room.getString("_id");
          JsonObject roomCounters = counters.getOrDefault(roomId, new JsonObject());
          long lastRead = memberships.stream()
              .filter(m -> roomId.equals(m.getString("roomId")))
              .mapToLong(m -> m.getLong("lastReadSeq", 0L))
              .findFirst().orElse(0L);
          views.add(RoomStore.view(room, roomCounters)
              .put("unread", Math.max(0, roomCounters.getLong("lastSeq", 0L) - lastRead)));
        }
        return new JsonObject().put("rooms", views);
      });
    });
  }

  private Future<JsonObject> roommates(JsonObject request) {
    Actor actor = Actor.of(request);
    return rooms.roommatesOf(actor.id()).map(ids -> new JsonObject().put("userIds", new JsonArray(ids)));
  }

  private Future<JsonObject> roomIdsOfUser(JsonObject request) {
    if (!(request.getValue("userId") instanceof String userId)) {
      return Future.failedFuture(ServiceError.invalid("userId", "must be a string"));
    }
    return rooms.membershipsOfUser(userId).map(memberships -> new JsonObject().put("roomIds",
        new JsonArray(memberships.stream().map(m -> m.getString("roomId")).toList())));
  }

  private Future<JsonObject> sendMessage(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    String text = fields.requiredString("text", 1, Limits.TEXT_MAX_CHARS);
    String clientMsgId = fields.optionalString("clientMsgId", 1, Limits.CLIENT_MSG_ID_MAX_CHARS);
    if (!fields.has("roomId")) {
      fields.reject("roomId", "is required");
    }
    fields.throwIfInvalid();
    return memberRoom(request.getValue("roomId"), actor)
        .compose(room -> users.profile(actor.id()).compose(sender -> append(room, sender, text, clientMsgId)));
  }

  private Future<JsonObject> append(JsonObject room, JsonObject sender, String text, String clientMsgId) {
    String roomId = room.getString("_id");
    Future<RoomJournal.Recorded> recorded = journal.record(roomId, (nextSeq, nextVersion) -> {
      Future<String> earlier = clientMsgId == null
          ? Future.succeededFuture(null)
          : messages.messageIdForClientKey(sender.getString("id"), clientMsgId);
      return earlier.compose(existingId -> {
        if (existingId != null) {
          return Future.failedFuture(new AlreadySent(existingId));
        }
        String messageId = MessageStore.messageId(roomId, nextSeq);
        JsonObject message = new JsonObject()
            .put("_id", messageId)
            .put("roomId", roomId)
            .put("seq", nextSeq)
            .put("sender", sender)
            .put("text", text)
            .put("clientMsgId", clientMsgId)
            .put("createdAt", Instant.now().toString())
            .put("reactions", new JsonObject());
        return Future.succeededFuture(new RoomJournal.Entry(true,
            new JsonObject().put("kind", "create").put("message", message)));
      });
    });
    return recorded
        .map(done -> {
          JsonObject message = MessageStore.view(done.entry().getJsonObject("message").copy()
              .put("version", done.version()));
          rooms.markRead(roomId, sender.getString("id"), done.seq());
          vertx.eventBus().publish(Addresses.roomEvents(roomId), new JsonObject()
              .put("type", "message").put("roomId", roomId).put("version", done.version())
              .put("message", message));
          return new JsonObject().put("message", message).put("created", true);
        })
        .recover(failure -> failure instanceof AlreadySent already
            ? messages.findById(already.messageId).map(doc ->
                new JsonObject().put("message", MessageStore.view(doc)).put("created", false))
            : Future.failedFuture(failure));
  }

  private Future<JsonObject> history(JsonObject request) {
    Actor actor = Actor.of(request);
    RequestFields fields = RequestFields.of(request);
    Long before = fields.optionalLong("before", 1, Long.MAX_VALUE);
    Long after = fields.optionalLong("after", 0, Long.MAX_VALUE);
    Long limit = fields.optionalLong("limit", 1, Limits.HISTORY_MAX);
    if (before != null && after != null) {
      fields.reject("before", "cannot be combined with after");
    }
    fields.throwIfInvalid();
    int pageSize = limit == null ? Limits.HISTORY_DEFAULT : limit.intValue();
    return readableRoom(request.getValue("roomId"), actor)
        .compose(room -> journal.countersOf(List.of(room.getString("_id"))).compose(counters -> {
          String roomId = room.getString("_id");
          long lastSeq = counters.getOrDefault(roomId, new JsonObject()).getLong("lastSeq", 0L);
          long from;
          long to;
          if (after != null) {
            from = after + 1;
            to = Math.min(lastSeq, after + pageSize);
          } else {
            to = before == null ? lastSeq : Math.min(lastSeq, before - 1);
            from = Math.max(1, to - pageSize + 1);
          }
          boolean hasMore = after != null ? to < lastSeq : from > 1;
          return pageOf(roomId, from, to).map(page -> new JsonObject()
              .put("messages", new JsonArray(page.stream().map(MessageStore::view).toList()))
              .put("hasMore", hasMore));
        }));
  }

  /** A page of messages; when one is numbered but not yet applied, applies the journal and reads again. */
  private Future<List<JsonObject>> pageOf(String roomId, long from, long to) {
    long expected = Math.max(0, to - from + 1);
    return messages.range(roomId, from, to).compose(page -> page.size() == expected
        ? Future.succeededFuture(page)
        : journal.catchUp(roomId).compose(ignored -> messages.range(roomId, from, to)));
  }

  private Future<JsonObject> health(JsonObject request) {
    return MongoStore.ping(mongo).map(ignored -> new JsonObject().put("service", SERVICE).put("storage", "up"));
  }

  private Future<JsonObject> roomView(String roomId) {
    return Future.all(rooms.findById(roomId), journal.countersOf(List.of(roomId))).map(both -> {
      Map<String, JsonObject> counters = both.resultAt(1);
      return RoomStore.view(both.resultAt(0), counters.getOrDefault(roomId, new JsonObject()));
    });
  }

  private Future<JsonObject> existingRoom(Object roomId) {
    if (roomId == null) {
      return Future.failedFuture(ServiceError.invalid("roomId", "is required"));
    }
    if (!(roomId instanceof String)) {
      return Future.failedFuture(ServiceError.invalid("roomId", "must be a string"));
    }
    if (!Ids.looksValid(roomId)) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    return rooms.findById((String) roomId).compose(room -> room == null
        ? Future.failedFuture(ServiceError.notFound("Room"))
        : Future.succeededFuture(room));
  }

  /** The room, when the actor is a member of it; a non-member learns only "forbidden". */
  private Future<JsonObject> memberRoom(Object roomId, Actor actor) {
    return existingRoom(roomId).compose(room -> rooms.membership(room.getString("_id"), actor.id())
        .compose(member -> member != null
            ? Future.succeededFuture(room)
            : Future.failedFuture(ServiceError.forbidden("You are not a member of this room."))));
  }

  /** Public rooms are readable by every signed-in user; private and direct rooms by their members. */
  private Future<JsonObject> readableRoom(Object roomId, Actor actor) {
    return existingRoom(roomId).compose(room -> "public".equals(room.getString("type"))
        ? Future.succeededFuture(room)
        : memberRoom(roomId, actor));
  }

  private void announceMembership(String roomId, String userId, boolean joined) {
    users.profile(userId).onSuccess(user -> {
      vertx.eventBus().publish(Addresses.roomEvents(roomId), new JsonObject()
          .put("type", joined ? "member_joined" : "member_left").put("roomId", roomId).put("user", user));
      vertx.eventBus().publish(Addresses.userEvents(userId), new JsonObject()
          .put("type", "membership").put("roomId", roomId).put("member", joined));
    });
  }

  /** Aborts a send whose clientMsgId already made a message: the first one is the answer. */
  private static final class AlreadySent extends RuntimeException {
    final String messageId;

    AlreadySent(String messageId) {
      super(null, null, false, false);
      this.messageId = messageId;
    }
  }
}
