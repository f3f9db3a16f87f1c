package io.parley.bench.ceiling;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ceiling's only state: each room's member sockets and its next seq, shared by every event loop. */
final class CeilingRooms {

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  Room room(String roomId) {
    return rooms.computeIfAbsent(roomId, Room::new);
  }

  /** One room. Taking a seq and queueing its frame to every member happen under the room's lock, in order. */
  static final class Room {
    final String id;
    final Set<CeilingConnection> members = ConcurrentHashMap.newKeySet();
    private long lastSeq;

    Room(String id) {
      this.id = id;
    }

    long nextSeq() {
      return ++lastSeq;
    }
  }
}
