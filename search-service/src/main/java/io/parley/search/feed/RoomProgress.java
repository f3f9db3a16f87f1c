package io.parley.search.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Up to which version each room's timeline is in the index, without a gap: changes heard out of order wait
 * above it until the ones between arrive, or a catch-up fills them. Rooms whose version moved since the last
 * save are handed out by {@link #unsaved()}, to be committed with the index. Event loop only.
 */
final class RoomProgress {

  private final Map<String, Long> indexed = new HashMap<>();
  private final Map<String, TreeSet<Long>> ahead = new HashMap<>();
  private final Set<String> unsaved = new HashSet<>();

  RoomProgress(Map<String, Long> saved) {
    indexed.putAll(saved);
  }

  long indexed(String roomId) {
    return indexed.getOrDefault(roomId, 0L);
  }

  Set<String> rooms() {
    return Set.copyOf(indexed.keySet());
  }

  /** A change of this version is in the index; answers whether an earlier one is still missing. */
  boolean applied(String roomId, long version) {
    long at = indexed(roomId);
    if (version <= at) {
      return hasGap(roomId);
    }
    ahead.computeIfAbsent(roomId, id -> new TreeSet<>()).add(version);
    advance(roomId, at);
    return hasGap(roomId);
  }

  /** Every change up to this version is in the index: a catch-up got that far. */
  void reached(String roomId, long version) {
    advance(roomId, Math.max(version, indexed(roomId)));
  }

  boolean hasGap(String roomId) {
    TreeSet<Long> waiting = ahead.get(roomId);
    return waiting != null && !waiting.isEmpty();
  }

  void forget(String roomId) {
    indexed.remove(roomId);
    ahead.remove(roomId);
    unsaved.remove(roomId);
  }

  /** The rooms whose version moved since the last call, with their versions now. */
  Map<String, Long> unsaved() {
    Map<String, Long> versions = new HashMap<>();
    unsaved.forEach(roomId -> versions.put(roomId, indexed(roomId)));
    unsaved.clear();
    return versions;
  }

  private void advance(String roomId, long version) {
    long at = version;
    TreeSet<Long> waiting = ahead.get(roomId);
    if (waiting != null) {
      waiting.headSet(at, true).clear();
      while (!waiting.isEmpty() && waiting.first() == at + 1) {
        at = waiting.pollFirst();
      }
      if (waiting.isEmpty()) {
        ahead.remove(roomId);
      }
    }
    if (at != indexed(roomId) || !indexed.containsKey(roomId)) {
      indexed.put(roomId, at);
      unsaved.add(roomId);
    }
  }
}
