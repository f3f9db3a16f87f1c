package io.parley.chat.room;

import io.parley.contract.Ids;
import io.parley.contract.Limits;
import io.parley.contract.model.Room;
import io.parley.platform.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public room every user joins, made once on first start, as Mattermost's Town Square is: the {@code
 * chat_flags} collection keeps {@code {_id: "general-room", roomId, created}}. The first instance to start claims
 * the flag with a new room id (the flag's unique {@code _id} lets one claim win), then makes the room under that
 * id and marks it made; an instance that finds the claim unfinished finishes it. Once made, the room is never
 * made again: an admin may rename or delete it. A room already holding the name (older data) is taken as
 * #general when it is public.
 */
public final class GeneralRoom {

  private static final Logger LOG = LoggerFactory.getLogger(GeneralRoom.class);
  private static final String FLAGS = "chat_flags";
  private static final String FLAG = "general-room";

  private final MongoClient mongo;
  private final RoomStore rooms;
  private final String name;
  private Future<String> roomId;

  /** {@code name} empty: there is no #general. */
  public GeneralRoom(MongoClient mongo, RoomStore rooms, String name) {
    this.mongo = mongo;
    this.rooms = rooms;
    this.name = name;
  }

  /** Makes #general unless it was made before; completes with this instance knowing its id (or that there is none). */
  public Future<Void> ensure() {
    Future<String> made = name.isEmpty() ? Future.succeededFuture(null) : flag()
        .compose(flag -> flag != null ? Future.succeededFuture(flag) : claim())
        .compose(flag -> flag.getBoolean("created", false)
            ? Future.succeededFuture(flag.getString("roomId"))
            : create(flag.getString("roomId")));
    return made.onSuccess(id -> roomId = Future.succeededFuture(id)).mapEmpty();
  }

  /** The id of #general, or null when there is none. */
  public Future<String> roomId() {
    return roomId != null ? roomId : ensure().compose(done -> roomId);
  }

  private Future<JsonObject> flag() {
    return mongo.findOne(FLAGS, new JsonObject().put("_id", FLAG), null);
  }

  private Future<JsonObject> claim() {
    JsonObject flag = new JsonObject().put("_id", FLAG).put("roomId", Ids.newId()).put("created", false);
    return mongo.insert(FLAGS, flag).map(flag).recover(failure -> MongoStore.isDuplicateKey(failure)
        ? flag()
        : Future.failedFuture(failure));
  }

  private Future<String> create(String claimedId) {
    return rooms.createUnowned(claimedId, name, "Everyone is here.", Limits.ROOM_CAPACITY_MAX)
        .map(room -> claimedId)
        .recover(failure -> MongoStore.isDuplicateKey(failure) ? madeOrTaken(claimedId) : Future.failedFuture(failure))
        .compose(id -> mongo.updateCollection(FLAGS, new JsonObject().put("_id", FLAG), new JsonObject().put("$set",
            new JsonObject().put("created", true).put("roomId", id))).map(id));
  }

  /** Another instance made the claimed room already, or a room of that name was there before. */
  private Future<String> madeOrTaken(String claimedId) {
    return rooms.findEvenIfDeleting(claimedId).compose(made -> made != null
        ? Future.succeededFuture(claimedId)
        : rooms.findByName(name).map(existing -> {
          if (existing != null && StoredRoom.is(existing, Room.PUBLIC)) {
            return existing.getString("_id");
          }
          LOG.warn("a room named {} exists and is not public: there is no #general", name);
          return null;
        }));
  }
}
