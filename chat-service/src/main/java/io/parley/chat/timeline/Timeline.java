package io.parley.chat.timeline;

import io.parley.chat.events.RoomEvents;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.TimelineChanged;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.frame.ServerFrame;
import io.parley.contract.model.Attachment;
import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * A room's timeline: every change goes through the {@link RoomJournal}, taking the room's next version, and is
 * then kept in {@link RecentMessages} and announced. Checks that depend on a message's current state run while
 * the change is prepared, so they hold against the version the change is recorded at.
 */
public final class Timeline {

  private final RoomJournal journal;
  private final MessageStore messages;
  private final RecentMessages recent;
  private final RoomEvents events;

  public Timeline(RoomJournal journal, MessageStore messages, RecentMessages recent, RoomEvents events) {
    this.journal = journal;
    this.messages = messages;
    this.recent = recent;
    this.events = events;
  }

  /** The message a change left, and whether there was a change at all. */
  public record Outcome(Message message, boolean changed) {
  }

  /** What to change in a stored message: fields to set and fields to remove. */
  public record Edit(JsonObject set, List<String> unset) {
    public static Edit set(JsonObject fields) {
      return new Edit(fields, List.of());
    }
  }

  /**
   * Posts a new message taking the room's next seq. A clientMsgId the sender used before makes no message:
   * the outcome is the first one, unchanged.
   */
  public Future<Outcome> post(String roomId, UserRef sender, String text, String clientMsgId, Attachment attachment) {
    return post(roomId, sender, text, clientMsgId, attachment, new JsonObject());
  }

  /**
   * As {@link #post(String, UserRef, String, String, Attachment)}, the new message also storing {@code extras}:
   * fields of the contract's message that the caller works out, such as a reply's {@code threadId} or {@code
   * mentions}.
   */
  public Future<Outcome> post(String roomId, UserRef sender, String text, String clientMsgId, Attachment attachment,
      JsonObject extras) {
    Future<RoomJournal.Recorded> recorded = journal.record(roomId, (nextSeq, nextVersion) -> {
      Future<String> earlier = clientMsgId == null
          ? Future.succeededFuture(null)
          : messages.messageIdForClientKey(sender.id(), clientMsgId);
      return earlier.compose(existingId -> {
        if (existingId != null) {
          return messages.findById(existingId).compose(first -> Future.failedFuture(first == null
              ? new IllegalStateException("client key without its message " + existingId)
              : new Unchanged(first)));
        }
        JsonObject message = MessageStore.newMessage(roomId, nextSeq, sender, text, clientMsgId, attachment)
            .mergeIn(extras);
        return Future.succeededFuture(new RoomJournal.Entry(true,
            new JsonObject().put("kind", "create").put("message", message), message));
      });
    });
    return announced(recorded, MessageFrame::live);
  }

  /**
   * Changes one message. {@code decide} sees it as stored and answers the edit, null for none, or throws a
   * {@link ServiceError} to refuse; {@code frameOf} makes the frame that announces the changed message.
   */
  public Future<Outcome> change(String roomId, String messageId, Function<JsonObject, Edit> decide,
      Function<Message, ServerFrame> frameOf) {
    Future<RoomJournal.Recorded> recorded = journal.record(roomId, (nextSeq, nextVersion) ->
        messages.findById(messageId).compose(current -> {
          if (current == null) {
            return Future.failedFuture(ServiceError.notFound("Message"));
          }
          Edit edit = decide.apply(current);
          if (edit == null) {
            return Future.failedFuture(new Unchanged(current));
          }
          JsonObject after = current.copy().mergeIn(edit.set());
          edit.unset().forEach(after::remove);
          JsonObject unset = new JsonObject();
          edit.unset().forEach(field -> unset.put(field, ""));
          JsonObject entry = new JsonObject().put("kind", "update").put("messageId", messageId)
              .put("set", edit.set()).put("unset", unset);
          return Future.succeededFuture(new RoomJournal.Entry(false, entry, after));
        }));
    return announced(recorded, frameOf);
  }

  /** Another instance's change, for the cache of recent messages. */
  public void onNotice(TimelineChanged notice) {
    recent.apply(notice.roomId(), notice.version(), notice.message());
  }

  private Future<Outcome> announced(Future<RoomJournal.Recorded> recorded, Function<Message, ServerFrame> frameOf) {
    return recorded
        .map(done -> {
          Message message = MessageStore.toMessage(done.message());
          recent.apply(message.roomId(), done.version(), message);
          events.timelineChanged(frameOf.apply(message), message);
          return new Outcome(message, true);
        })
        .recover(failure -> failure instanceof Unchanged unchanged
            ? Future.succeededFuture(new Outcome(MessageStore.toMessage(unchanged.message), false))
            : Future.failedFuture(failure));
  }

  /** Aborts a change that would change nothing, without taking a number: the message stays as it is. */
  private static final class Unchanged extends RuntimeException {
    final JsonObject message;

    Unchanged(JsonObject message) {
      super(null, null, false, false);
      this.message = message;
    }
  }
}
