package io.parley.chat.membership;

import io.parley.chat.events.RoomEvents;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.room.GeneralRoom;
import io.parley.chat.room.RoomStore;
import io.parley.chat.room.RoomViews;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;

/**
 * Takes every user into #general once: the first time they ask for their rooms (the socket's {@code ready} or
 * the room list), which no user can do without. Nothing has to be told of a sign-up, so no lost notice can leave
 * anyone out; joining is idempotent, so two first asks racing each other, or a retry after a crash, join once.
 * A user who then leaves #general stays out.
 */
public final class Welcome {

  private final GeneralRoom general;
  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomViews views;
  private final RoomPrefs prefs;
  private final RoomEvents events;

  public Welcome(GeneralRoom general, RoomStore rooms, MembershipStore memberships, RoomViews views,
      RoomPrefs prefs, RoomEvents events) {
    this.general = general;
    this.rooms = rooms;
    this.memberships = memberships;
    this.views = views;
    this.prefs = prefs;
    this.events = events;
  }

  /** The user's prefs, once they have been taken into #general (or there is none to take them into). */
  public Future<RoomPrefs.Prefs> welcome(String userId) {
    return prefs.of(userId).compose(found -> found.welcomed() ? Future.succeededFuture(found) : general.roomId()
        .compose(roomId -> roomId == null ? Future.succeededFuture(null) : rooms.findById(roomId))
        .compose(room -> room == null ? Future.succeededFuture() : memberships.addMember(room, userId)
            .recover(failure -> failure instanceof ServiceError refused && refused.code() == ErrorCode.ROOM_FULL
                ? Future.succeededFuture(false)
                : Future.failedFuture(failure))
            .compose(added -> added ? views.roomView(room).onSuccess(view -> events.joined(view, userId)).mapEmpty()
                : Future.succeededFuture()))
        .compose(joined -> prefs.markWelcomed(userId))
        .map(new RoomPrefs.Prefs(found.lastRoomId(), found.muted(), true)));
  }
}
