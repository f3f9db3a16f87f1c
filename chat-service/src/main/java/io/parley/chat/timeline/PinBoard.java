package io.parley.chat.timeline;

import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code room_pins} collection: {@code {_id: roomId, pins:{"<messageId>": pinnedAt}}}, which messages of a
 * room are pinned, so the room's pins are a lookup of known ids. The message's own {@code pinned} is the truth:
 * the board is written after the pin is recorded, and the list keeps only the messages that say they are pinned.
 */
public final class PinBoard {

  private static final String PINS = "room_pins";

  private final MongoClient mongo;
  private final RoomAccess access;
  private final History history;

  public PinBoard(MongoClient mongo, RoomAccess access, History history) {
    this.mongo = mongo;
    this.access = access;
    this.history = history;
  }

  public Future<Void> add(String roomId, String messageId, String at) {
    return mongo.updateCollectionWithOptions(PINS, new JsonObject().put("_id", roomId),
        new JsonObject().put("$set", new JsonObject().put("pins." + messageId, at)),
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  public Future<Void> remove(String roomId, String messageId) {
    return mongo.updateCollection(PINS, new JsonObject().put("_id", roomId),
        new JsonObject().put("$unset", new JsonObject().put("pins." + messageId, ""))).mapEmpty();
  }

  /** How many messages of the room the board holds. */
  public Future<Integer> count(String roomId) {
    return pinned(roomId).map(Set::size);
  }

  /** The room's pinned messages, the latest pinned first, to whoever may read the room. */
  public Future<List<Message>> pins(Actor actor, RoomRef request) {
    return access.readable(request.roomId(), actor).compose(room -> {
      String roomId = room.getString("_id");
      return Future.all(history.countersOf(roomId), pinned(roomId)).compose(both -> {
        Set<Long> seqs = new HashSet<>();
        both.<Set<String>>resultAt(1).forEach(messageId -> seqs.add(MessageStore.seqOf(messageId)));
        return history.messagesAt(roomId, both.resultAt(0), seqs);
      }).map(found -> found.stream()
          .filter(message -> message.pinned() != null && !message.deleted())
          .sorted(Comparator.comparing((Message message) -> message.pinned().at()).reversed())
          .toList());
    });
  }

  /** The board of a room that is being deleted. */
  public Future<Void> removeRoom(String roomId) {
    return mongo.removeDocument(PINS, new JsonObject().put("_id", roomId)).mapEmpty();
  }

  private Future<Set<String>> pinned(String roomId) {
    return mongo.findOne(PINS, new JsonObject().put("_id", roomId), null).map(doc -> doc == null
        ? Set.of()
        : Set.copyOf(doc.getJsonObject("pins", new JsonObject()).fieldNames()));
  }
}
