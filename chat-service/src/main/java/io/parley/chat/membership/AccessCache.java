package io.parley.chat.membership;

import io.parley.contract.chat.RoomAccessChanged;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rooms and memberships as this instance last read them, so that authorising a message needs no read. Every
 * change, here or on another instance, arrives through {@code AccessChanges} and forgets what it touches: one
 * membership, or a whole room. An entry also expires after {@link #EXPIRY_MS}, the bound on staleness should a
 * notice ever be lost. A read that was under way while anything was forgotten does not fill the cache: it may
 * have read what was just changed. Stored rooms are shared: callers read them, never change them.
 */
final class AccessCache {

  static final long EXPIRY_MS = 5 * 60_000;
  private static final int MAX_ROOMS = 10_000;

  private final Map<String, CachedRoom> rooms = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CachedRoom> eldest) {
      return size() > MAX_ROOMS;
    }
  };
  /** Counts what was forgotten, so a read can tell whether anything changed while it was under way. */
  private long forgets;

  /** The stored room, from memory when it is there; null when there is none (which is not kept). */
  Future<JsonObject> room(String roomId, Supplier<Future<JsonObject>> read) {
    CachedRoom cached = rooms.get(roomId);
    long now = System.currentTimeMillis();
    if (cached != null && cached.room != null && now - cached.roomReadAt < EXPIRY_MS) {
      return Future.succeededFuture(cached.room);
    }
    long before = forgets;
    return read.get().onSuccess(room -> {
      if (room != null && forgets == before) {
        CachedRoom entry = rooms.computeIfAbsent(roomId, id -> new CachedRoom());
        entry.room = room;
        entry.roomReadAt = now;
      }
    });
  }

  /** Whether the user is a member of the room, from memory when it is there. */
  Future<Boolean> isMember(String roomId, String userId, Supplier<Future<Boolean>> read) {
    CachedRoom cached = rooms.get(roomId);
    long now = System.currentTimeMillis();
    Membership known = cached == null ? null : cached.members.get(userId);
    if (known != null && now - known.readAt < EXPIRY_MS) {
      return Future.succeededFuture(known.member);
    }
    long before = forgets;
    return read.get().onSuccess(member -> {
      if (forgets == before) {
        rooms.computeIfAbsent(roomId, id -> new CachedRoom()).members.put(userId, new Membership(member, now));
      }
    });
  }

  void forget(RoomAccessChanged change) {
    forgets++;
    if (change.userId() == null) {
      rooms.remove(change.roomId());
      return;
    }
    CachedRoom cached = rooms.get(change.roomId());
    if (cached != null) {
      cached.members.remove(change.userId());
    }
  }

  private record Membership(boolean member, long readAt) {
  }

  private static final class CachedRoom {
    JsonObject room;
    long roomReadAt;
    final Map<String, Membership> members = new HashMap<>();
  }
}
