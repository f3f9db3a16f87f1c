package io.parley.search;

import io.parley.contract.Actor;
import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.model.UserRef;
import io.parley.contract.chat.RoomVersion;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.chat.TimelineChanged;
import io.parley.search.chat.ChatSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * chat-service as search-service sees it, in memory: rooms with members, a timeline per room numbered by version
 * like the real change log (paged {@value #PAGE} changes at a time, so catch-ups take several pages), and the
 * notice of each change, which can be lost ({@link #losingNotices}) as when search-service is down.
 */
final class FakeChat implements ChatSource {

  static final int PAGE = 3;

  private final Map<String, FakeRoom> rooms = new LinkedHashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private boolean losingNotices;
  private long clock = Instant.parse("2024-05-01T09:00:00Z").toEpochMilli();

  private record Listener(Context context, Consumer<TimelineChanged> handler) {
  }

  private static final class FakeRoom {
    final RoomSummary ref;
    final Set<String> members = new HashSet<>();
    final TreeMap<Long, String> changed = new TreeMap<>();
    final Map<String, Message> messages = new HashMap<>();
    long seq;
    long version;

    FakeRoom(RoomSummary ref) {
      this.ref = ref;
    }
  }

  static UserRef user(String name) {
    return new UserRef(Ids.newId(), name, name);
  }

  static Actor actor(UserRef user) {
    return new Actor(user.id(), Actor.ROLE_USER, "s-" + user.id());
  }

  synchronized String room(String type, UserRef... members) {
    String roomId = Ids.newId();
    FakeRoom room = new FakeRoom(new RoomSummary(roomId, type + "-" + roomId.substring(0, 4), type));
    for (UserRef member : members) {
      room.members.add(member.id());
    }
    rooms.put(roomId, room);
    return roomId;
  }

  synchronized void losingNotices(boolean losing) {
    losingNotices = losing;
  }

  /** A new message, each one a minute after the last. */
  synchronized Message post(String roomId, UserRef sender, String text) {
    FakeRoom room = rooms.get(roomId);
    clock += 60_000;
    Message message = new Message(roomId + "-" + String.format("%010d", room.seq + 1), roomId, ++room.seq, sender,
        text, null, Instant.ofEpochMilli(clock).toString(), null, false, Map.of(), null, 0);
    return change(room, message);
  }

  synchronized Message edit(Message message, String text) {
    Message current = rooms.get(message.roomId()).messages.get(message.id());
    return change(rooms.get(message.roomId()), new Message(current.id(), current.roomId(), current.seq(),
        current.sender(), text, null, current.createdAt(), Instant.now().toString(), false, Map.of(), null, 0));
  }

  synchronized Message delete(Message message) {
    Message current = rooms.get(message.roomId()).messages.get(message.id());
    return change(rooms.get(message.roomId()), new Message(current.id(), current.roomId(), current.seq(),
        current.sender(), "", null, current.createdAt(), current.editedAt(), true, Map.of(), null, 0));
  }

  synchronized void leave(String roomId, UserRef user) {
    rooms.get(roomId).members.remove(user.id());
  }

  synchronized void deleteRoom(String roomId) {
    rooms.remove(roomId);
  }

  /** Announces a change again, as a notice that arrives late. */
  void replay(Message stale) {
    announce(new TimelineChanged(stale.roomId(), stale.version(), stale));
  }

  @Override
  public synchronized Future<List<RoomVersion>> roomVersions() {
    return Future.succeededFuture(rooms.values().stream().map(r -> new RoomVersion(r.ref.id(), r.version)).toList());
  }

  @Override
  public synchronized Future<SyncedRoom> changesAfter(String roomId, long version) {
    FakeRoom room = rooms.get(roomId);
    if (room == null) {
      return Future.failedFuture(ServiceError.notFound("Room"));
    }
    long to = Math.min(room.version, version + PAGE);
    Set<String> ids = new LinkedHashSet<>(room.changed.subMap(version, false, to, true).values());
    List<Message> messages = ids.stream().map(room.messages::get).toList();
    return Future.succeededFuture(new SyncedRoom(roomId, Math.max(version, to), to >= room.version, messages));
  }

  @Override
  public synchronized Future<List<RoomSummary>> readableRooms(Actor actor) {
    return Future.succeededFuture(rooms.values().stream()
        .filter(room -> Room.PUBLIC.equals(room.ref.type()) || room.members.contains(actor.id()))
        .map(room -> room.ref).toList());
  }

  @Override
  public synchronized Future<Void> listen(Consumer<TimelineChanged> handler) {
    listeners.add(new Listener(Vertx.currentContext(), handler));
    return Future.succeededFuture();
  }

  private Message change(FakeRoom room, Message message) {
    room.version++;
    Message changed = message.withVersion(room.version);
    room.changed.put(room.version, changed.id());
    room.messages.put(changed.id(), changed);
    if (!losingNotices) {
      announce(new TimelineChanged(room.ref.id(), room.version, changed));
    }
    return changed;
  }

  private synchronized void announce(TimelineChanged change) {
    // A listener of a search-service undeployed since hears no more, as its bus consumer would not.
    listeners.removeIf(listener -> !listener.context().owner().deploymentIDs().contains(listener.context().deploymentID()));
    listeners.forEach(listener -> listener.context().runOnContext(ignored -> listener.handler().accept(change)));
  }
}
