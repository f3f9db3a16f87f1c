package io.parley.chat.admin;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * The admin panel's chat side: counts, and deleting a room. The gateway has the admin's current role confirmed
 * by auth-service before it asks; the actor's role is checked here again.
 */
public final class AdminHandlers {

  private final MongoClient mongo;
  private final RoomStore rooms;
  private final RoomEvents events;

  public AdminHandlers(MongoClient mongo, RoomStore rooms, RoomEvents events) {
    this.mongo = mongo;
    this.rooms = rooms;
    this.events = events;
  }

  public Future<JsonObject> stats(JsonObject request) {
    requireAdmin(request);
    return Future.all(mongo.count(RoomStore.ROOMS, new JsonObject()),
            mongo.count(RoomJournal.MESSAGES, new JsonObject()))
        .map(both -> new JsonObject().put("rooms", both.<Long>resultAt(0)).put("messages", both.<Long>resultAt(1)));
  }

  /** Tells every member they left, then removes the room's messages, change log, journal, memberships and room. */
  public Future<JsonObject> deleteRoom(JsonObject request) {
    requireAdmin(request);
    Object roomId = request.getValue("roomId");
    if (!Ids.looksValid(roomId)) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    String id = (String) roomId;
    return rooms.findById(id).compose(room -> {
      if (room == null) {
        return Future.failedFuture(ServiceError.notFound("Room"));
      }
      JsonObject view = RoomStore.view(room, new JsonObject());
      return rooms.memberIds(id).compose(members -> {
        members.forEach(userId -> events.membershipChanged(view, userId, false));
        JsonObject ofRoom = new JsonObject().put("roomId", id);
        // Ids of a room's messages and changes all start with "<roomId>-"; '.' sorts right after '-'.
        JsonObject idsOfRoom = new JsonObject().put("$gte", id + "-").put("$lt", id + ".");
        return Future.all(
                mongo.removeDocuments(RoomJournal.MESSAGES, ofRoom),
                mongo.removeDocuments(RoomJournal.CHANGES, new JsonObject().put("_id", idsOfRoom)),
                mongo.removeDocuments(MessageStore.CLIENT_KEYS, new JsonObject().put("messageId", idsOfRoom)),
                mongo.removeDocuments(RoomStore.MEMBERSHIPS, ofRoom))
            .compose(done -> mongo.removeDocument(RoomJournal.JOURNAL, new JsonObject().put("_id", id)))
            .compose(done -> mongo.removeDocument(RoomStore.ROOMS, new JsonObject().put("_id", id)))
            .map(done -> new JsonObject());
      });
    });
  }

  private static void requireAdmin(JsonObject request) {
    if (!Actor.of(request).isAdmin()) {
      throw ServiceError.forbidden("Only admins may do this.");
    }
  }
}
