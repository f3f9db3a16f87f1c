package io.parley.chat.prefs;

import io.parley.chat.membership.RoomAccess;
import io.parley.contract.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What a user's view of rooms remembers between visits: for now, the room last open. */
public final class PrefsHandlers {

  private final RoomPrefs prefs;
  private final RoomAccess access;

  public PrefsHandlers(RoomPrefs prefs, RoomAccess access) {
    this.prefs = prefs;
    this.access = access;
  }

  public Future<JsonObject> setLastRoom(JsonObject request) {
    Actor actor = Actor.of(request);
    return access.readable(request.getValue("roomId"), actor)
        .compose(room -> prefs.rememberLastRoom(actor.id(), room.getString("_id")))
        .map(new JsonObject());
  }
}
