package io.parley.chat.thread;

import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.ThreadIndex;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.ServiceError;
import io.parley.contract.frame.MessageUpdated;
import io.parley.contract.model.Message;
import io.parley.contract.model.ThreadSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies in threads: which message a reply may name as its thread (a live top-level message of the same room),
 * and what a stored reply changes: the {@link ThreadIndex}, its root's {@code thread} summary (a timeline change
 * of the root, at the room's next version, announced as {@code message_updated}), and who follows the thread:
 * the root's sender and everyone who replied. The summary is made so that recording it again, or out of order
 * with another reply's, leaves it right.
 */
public final class Replies {

  private final MessageStore messages;
  private final Timeline timeline;
  private final ThreadIndex index;
  private final MemberMarks marks;

  public Replies(MessageStore messages, Timeline timeline, ThreadIndex index, MemberMarks marks) {
    this.messages = messages;
    this.timeline = timeline;
    this.index = index;
    this.marks = marks;
  }

  /** The stored top-level message a reply in this room names, or {@code invalid_input} for {@code threadId}. */
  public Future<JsonObject> root(String roomId, String threadId) {
    if (!MessageStore.isWellFormed(threadId) || !roomId.equals(MessageStore.roomOf(threadId))) {
      return Future.failedFuture(notARoot("must be a message of the same room"));
    }
    return messages.findById(threadId).compose(root -> {
      if (root == null) {
        return Future.failedFuture(notARoot("must be a message of the same room"));
      }
      if (root.containsKey("threadId")) {
        return Future.failedFuture(notARoot("is a reply: reply in its thread instead"));
      }
      if (root.getBoolean("deleted", false)) {
        return Future.failedFuture(notARoot("is a deleted message"));
      }
      return Future.succeededFuture(root);
    });
  }

  /** What a stored reply changes beside itself; completes once the root's summary is recorded. */
  public Future<Void> replied(Message reply) {
    return messages.findById(reply.threadId()).compose(root -> root == null
        ? Future.failedFuture(ServiceError.notFound("Message"))
        : replied(reply, root));
  }

  private Future<Void> replied(Message reply, JsonObject root) {
    String roomId = reply.roomId();
    String rootId = root.getString("_id");
    long rootSeq = root.getLong("seq");
    String rootSender = root.getJsonObject("sender").getString("id");
    return index.noteReply(roomId, rootId, rootSeq, reply.seq())
        .compose(noted -> index.replySeqs(rootId))
        .compose(seqs -> timeline.change(roomId, rootId, current -> summary(current, reply, seqs.size()),
            MessageUpdated::new))
        .compose(changed -> Future.all(marks.follow(roomId, reply.sender().id(), rootSeq, reply.seq()),
            marks.follow(roomId, rootSender, rootSeq, rootSeq)))
        .mapEmpty();
  }

  /** The root's summary with the reply counted; null when it counts it already. */
  private static Timeline.Edit summary(JsonObject root, Message reply, long indexed) {
    ThreadSummary was = ThreadSummary.fromJson(root.getJsonObject("thread"));
    List<String> participants = new ArrayList<>(was == null ? List.of() : was.participants());
    if (!participants.contains(reply.sender().id())) {
      participants.add(reply.sender().id());
    }
    String lastReplyAt = was == null || Instant.parse(reply.createdAt()).isAfter(Instant.parse(was.lastReplyAt()))
        ? reply.createdAt() : was.lastReplyAt();
    ThreadSummary now = new ThreadSummary(Math.max(indexed, was == null ? 0 : was.replyCount()), lastReplyAt,
        participants);
    return now.equals(was) ? null : Timeline.Edit.set(new JsonObject().put("thread", now.toJson()));
  }

  private static ServiceError notARoot(String why) {
    return ServiceError.invalid("threadId", why);
  }
}
