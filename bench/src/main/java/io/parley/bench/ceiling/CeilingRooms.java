package io.parley.bench.ceiling;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    /** Persisting: the broadcasts of messages stored, waiting for the seqs before theirs. */
    private final TreeMap<Long, Runnable> stored = new TreeMap<>();
    private long released;

    Room(String id) {
      this.id = id;
    }

    long nextSeq() {
      return ++lastSeq;
    }

    /** Inserts answer in any order; their broadcasts go out in seq order, as the load generator checks. */
    synchronized void stored(long seq, Runnable broadcast) {
      stored.put(seq, broadcast);
      while (!stored.isEmpty() && stored.firstKey() == released + 1) {
        released++;
        stored.pollFirstEntry().getValue().run();
      }
    }
  }
}
