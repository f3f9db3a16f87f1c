package io.parley.chat.timeline;

import io.parley.contract.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest {@value #PER_ROOM} messages of the most recently used rooms, in memory, as the contract's messages.
 *
 * <p>Each room's window is tagged with the journal version it reflects: every change up to that version is in
 * it. It is only served to a read whose own look at the journal found no newer version, so another instance's
 * write can make it stale but never makes it wrong. Changes are applied one version at a time, from this
 * instance's own writes and from the others' {@code timeline-changed} notices; a skipped version drops the
 * window, and the next read loads it again.
 */
public final class RecentMessages {

  static final int PER_ROOM = 100;

  private final Map<String, Window> rooms;

  public RecentMessages(int maxRooms) {
    this.rooms = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > maxRooms;
      }
    };
  }

  /**
   * The messages with seq in [from, to] when this window holds all of them at {@code version} or later;
   * null when the read has to go to the store.
   */
  public List<Message> page(String roomId, long version, long from, long to) {
    Window window = rooms.get(roomId);
    if (window == null || window.version < version || from < window.firstSeq() || to > window.lastSeq) {
      return null;
    }
    if (to < from) {
      return List.of();
    }
    return new ArrayList<>(window.bySeq.subMap(from, true, to, true).values());
  }

  /** Whether a page starting at {@code from} lies in the part of a room this cache would hold. */
  public static boolean isRecent(long from, long lastSeq) {
    return from > lastSeq - PER_ROOM;
  }

  /** Installs a window loaded from the store, unless a newer one is already here. */
  public void load(String roomId, long version, long lastSeq, List<Message> latest) {
    Window current = rooms.get(roomId);
    if (current != null && current.version >= version) {
      return;
    }
    Window window = new Window(version, lastSeq);
    latest.forEach(message -> window.bySeq.put(message.seq(), message));
    rooms.put(roomId, window);
  }

  /** Applies one recorded change: the message as it is after the change, at the version it took. */
  public void apply(String roomId, long version, Message message) {
    Window window = rooms.get(roomId);
    if (window == null || version <= window.version) {
      return;
    }
    if (version != window.version + 1) {
      rooms.remove(roomId);
      return;
    }
    window.version = version;
    long seq = message.seq();
    if (seq > window.lastSeq) {
      window.lastSeq = seq;
    }
    if (seq > window.lastSeq - PER_ROOM) {
      window.bySeq.put(seq, message);
    }
    while (window.bySeq.size() > PER_ROOM) {
      window.bySeq.pollFirstEntry();
    }
  }

  private static final class Window {
    long version;
    long lastSeq;
    final TreeMap<Long, Message> bySeq = new TreeMap<>();

    Window(long version, long lastSeq) {
      this.version = version;
      this.lastSeq = lastSeq;
    }

    long firstSeq() {
      return Math.max(1, lastSeq - PER_ROOM + 1);
    }
  }
}
