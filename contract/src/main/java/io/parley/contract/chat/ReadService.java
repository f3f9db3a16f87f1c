package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.vertx.core.Future;

/** How far each member has read: markers only move forward, and in a direct room the other side is told. */
public interface ReadService {

  /** Marks read up to a seq (at most the room's last); the other member of a direct room gets a {@code receipt}. */
  Future<ReadMark> read(Actor actor, ReadUpTo mark);

  /** Marks a thread the actor follows (or starts to follow) read up to a seq; its mentions of them are read too. */
  Future<ThreadReadMark> readThread(Actor actor, ThreadReadUpTo mark);
}
