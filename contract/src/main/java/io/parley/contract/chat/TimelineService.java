package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import java.util.List;

/** Reading a room's timeline: pages of history and of threads, pinned messages, and resuming after a reconnect. */
public interface TimelineService {

  /** A page of history, to whoever may read the room. */
  Future<HistoryPage> history(Actor actor, HistoryQuery query);

  /** For each room asked of which the actor is a member, what changed since the version asked; others left out. */
  Future<List<SyncedRoom>> sync(Actor actor, SyncQuery query);

  /** A page of a thread's replies, to members of its room. */
  Future<RepliesPage> replies(Actor actor, RepliesQuery query);

  /** A room's pinned messages, the latest pinned first, to whoever may read the room. */
  Future<List<Message>> pins(Actor actor, RoomRef room);
}
