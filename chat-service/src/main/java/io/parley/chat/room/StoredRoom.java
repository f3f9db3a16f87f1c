package io.parley.chat.room;

import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What a stored room document says, read the same way wherever a room is at hand (stored or cached). */
public final class StoredRoom {

  private StoredRoom() {
  }

  /** The owners of a stored room: its {@code owners}, or for a room stored before there were any, its creator. */
  public static List<String> owners(JsonObject room) {
    if (room.containsKey("owners")) {
      return JsonValues.strings(room.getJsonArray("owners"));
    }
    String creator = room.getString("createdBy");
    return creator == null || is(room, Room.DIRECT) ? List.of() : List.of(creator);
  }

  /** Whether a stored room is of this type ({@link Room#PUBLIC}, {@link Room#PRIVATE}, {@link Room#DIRECT}). */
  public static boolean is(JsonObject room, String type) {
    return type.equals(room.getString("type"));
  }
}
