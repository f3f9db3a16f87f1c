package io.parley.chat.events;

import io.parley.chat.directory.UserDirectory;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.TimelineChanged;
import io.parley.contract.chat.TimelineChanges;
import io.parley.contract.frame.FrameEvents;
import io.parley.contract.frame.MemberJoined;
import io.parley.contract.frame.MemberLeft;
import io.parley.contract.frame.Membership;
import io.parley.contract.frame.RoomUpdated;
import io.parley.contract.frame.ServerFrame;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything chat-service tells the rest of Parley: the client frames of rooms and users, and its own notices. */
public final class RoomEvents {

  private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);

  private final BusClient bus;
  private final UserDirectory users;
  private final Context context;
  /** Changes recorded in the context's current work, told to the other instances together once it is done. */
  private List<TimelineChanged> changed = new ArrayList<>();

  public RoomEvents(Vertx vertx, BusClient bus, UserDirectory users) {
    this.bus = bus;
    this.users = users;
    this.context = vertx.getOrCreateContext();
  }

  /**
   * A recorded timeline change: its frame to the room's members at once, and the message as it now is to the
   * other chat-service instances, with the other changes of its batch (a batch completes in one go).
   */
  public void timelineChanged(ServerFrame frame, Message message) {
    bus.publish(FrameEvents.room(message.roomId()), frame);
    if (changed.isEmpty()) {
      context.runOnContext(ignored -> {
        List<TimelineChanged> batch = changed;
        changed = new ArrayList<>();
        bus.publish(ChatOperations.TIMELINE_CHANGED, new TimelineChanges(batch));
      });
    }
    changed.add(new TimelineChanged(message.roomId(), message.version(), message));
  }

  /**
   * A user joined: the room's members see {@code member_joined}; the user's own gateways subscribe, and their
   * sockets learn of the room as the user sees it.
   */
  public void joined(Room room, String userId) {
    users.profile(userId)
        .onSuccess(user -> bus.publish(FrameEvents.room(room.id()), new MemberJoined(room.id(), user)))
        .onFailure(failure -> LOG.warn("no profile for {} to announce in {}", userId, room.id(), failure));
    toUser(userId, Membership.joined(room));
  }

  /**
   * A user left, was removed, or the room went: the members see {@code member_left}, the user among them, and
   * then the user's gateways unsubscribe, so the user's own sockets see it too.
   */
  public void left(String roomId, String userId) {
    users.profile(userId)
        .onSuccess(user -> bus.publish(FrameEvents.room(roomId), new MemberLeft(roomId, user)))
        .onFailure(failure -> LOG.warn("no profile for {} to announce in {}", userId, roomId, failure))
        .onComplete(told -> toUser(userId, Membership.left(roomId)));
  }

  /** A room's settings or owners changed: every member sees {@code room_updated}. */
  public void roomUpdated(Room room) {
    bus.publish(FrameEvents.room(room.id()), new RoomUpdated(room.forEveryone()));
  }

  /** A client frame for every socket of one user. */
  public void toUser(String userId, ServerFrame frame) {
    bus.publish(FrameEvents.user(userId), frame);
  }
}
