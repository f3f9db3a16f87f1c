package io.parley.chat.timeline;

import io.parley.chat.events.RoomEvents;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.TimelineChanged;
import io.parley.contract.chat.TimelineChanges;
import io.parley.contract.frame.MessageDeleted;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.frame.MessageUpdated;
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
  private final RecentMessages recent;
  private final RoomEvents events;

  public Timeline(RoomJournal journal, RecentMessages recent, RoomEvents events) {
    this.journal = journal;
    this.recent = recent;
    this.events = events;
    journal.onRecovered(this::recovered);
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
   * the outcome is the first one, unchanged. Completes once the message is stored.
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
    String clientKey = clientMsgId == null ? null : RoomJournal.clientKey(sender.id(), clientMsgId);
    return journal.post(roomId, clientKey,
            seq -> MessageStore.newMessage(roomId, seq, sender, text, clientMsgId, attachment).mergeIn(extras))
        .map(recorded -> recorded.isNew()
            ? announced(recorded, MessageFrame::live)
            : new Outcome(MessageStore.toMessage(recorded.message()), false));
  }

  /**
   * Changes one message at the room's next version. {@code decide} sees it as stored, once every earlier change
   * of the room is, and answers the edit, null for none, or throws a {@link ServiceError} to refuse;
   * {@code frameOf} makes the frame that announces the changed message. Completes once the change is stored.
   */
  public Future<Outcome> change(String roomId, String messageId, Function<JsonObject, Edit> decide,
      Function<Message, ServerFrame> frameOf) {
    return journal.change(roomId, messageId, current -> {
      if (current == null) {
        throw ServiceError.notFound("Message");
      }
      Edit edit = decide.apply(current);
      if (edit == null) {
        throw new Unchanged(current);
      }
      JsonObject after = current.copy().mergeIn(edit.set());
      edit.unset().forEach(after::remove);
      JsonObject unset = new JsonObject();
      edit.unset().forEach(field -> unset.put(field, ""));
      return new RoomJournal.Update(edit.set(), unset, after);
    }).map(recorded -> announced(recorded, frameOf))
        .recover(failure -> failure instanceof Unchanged unchanged
            ? Future.succeededFuture(new Outcome(MessageStore.toMessage(unchanged.message), false))
            : Future.failedFuture(failure));
  }

  /** Changes' notices: for the cache of recent messages, and the journal's count of each room. */
  public void onNotice(TimelineChanges notice) {
    for (TimelineChanged change : notice.changes()) {
      recent.apply(change.roomId(), change.version(), change.message());
      journal.observe(change.roomId(), change.version(), change.message().seq(), change.message().id());
    }
  }

  /**
   * Messages changed by another instance that died before announcing the changes: told to the members now, as
   * they are stored, a message made by those changes as a new one.
   */
  private void recovered(List<Orphans.Recovered> messages) {
    for (Orphans.Recovered recovered : messages) {
      Message message = MessageStore.toMessage(recovered.message());
      recent.apply(message.roomId(), message.version(), message);
      ServerFrame frame = message.deleted() ? new MessageDeleted(message)
          : recovered.created() ? MessageFrame.live(message) : new MessageUpdated(message);
      events.timelineChanged(frame, message);
    }
  }

  private Outcome announced(RoomJournal.Recorded recorded, Function<Message, ServerFrame> frameOf) {
    Message message = MessageStore.toMessage(recorded.message());
    recent.apply(message.roomId(), recorded.version(), message);
    events.timelineChanged(frameOf.apply(message), message);
    return new Outcome(message, true);
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
