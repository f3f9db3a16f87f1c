package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.vertx.core.Future;

/** What concerns the actor across their rooms: the messages that mention them, and the threads they follow. */
public interface ActivityService {

  /** Messages that mention the actor, newest first, in rooms they may still read. */
  Future<MentionPage> mentions(Actor actor, MentionsQuery query);

  /**
   * The threads the actor follows (they wrote the top-level message, replied, or were mentioned in it), in rooms
   * they are still a member of, the latest reply first, each with its unread replies.
   */
  Future<ThreadList> threads(Actor actor, ThreadsQuery query);
}
