package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * Messages: each change takes the room's next {@code version} (a new message also its next {@code seq}), is
 * published to the room's members as its frame, and answered with the message as it now is.
 */
public interface MessageService {

  /** Posts a message by a member (or into the direct room with {@code toUserId}); a repeated clientMsgId posts none. */
  Future<Posted> send(Actor actor, NewMessage message);

  /** A new text, by the sender only. */
  Future<Message> edit(Actor actor, MessageEdit edit);

  /** Empties a message, keeping its seq: by its sender, or by an admin (by the stored role) in any room. */
  Future<Message> delete(Actor actor, MessageRef message);

  /** Adds or removes the actor's reaction; doing what is already done changes nothing. */
  Future<Reacted> react(Actor actor, ReactionChange change);

  /** Pins a message, by any member: it carries {@code pinned:{by, at}}; pinning a pinned one changes nothing. */
  Future<Message> pin(Actor actor, MessageRef message);

  /** Unpins a message, by any member. */
  Future<Message> unpin(Actor actor, MessageRef message);

  /** A message's earlier texts, oldest first, to members of its room. */
  Future<List<EarlierText>> edits(Actor actor, MessageRef message);

  /**
   * Hands the actor, whose socket is now ready, every direct message that reached them while offline (as a
   * {@code message} user event), and tells each sender with {@code delivered}. Answers how many.
   */
  Future<Integer> flushDeliveries(Actor actor);
}
