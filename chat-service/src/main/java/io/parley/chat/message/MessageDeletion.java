package io.parley.chat.message;

import io.parley.chat.directory.AdminCheck;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.frame.MessageDeleted;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deleting a message: its sender may, and an admin may delete anyone's, in any room. Admin power is asked of
 * {@link AdminCheck} only when the deletion needs it: the actor is not in the room, or the message is not theirs.
 * That the message is theirs is decided while the change is prepared; when it is not, the change is given up
 * without taking a number, the power is checked outside the room's queue, and the deletion made again as admin.
 * A deleted message is unpinned, mentions no one any more, and its earlier texts go with it.
 */
public final class MessageDeletion {

  private final RoomAccess access;
  private final Timeline timeline;
  private final AdminCheck admins;
  private final EditHistory edits;
  private final Mentions mentions;

  public MessageDeletion(RoomAccess access, Timeline timeline, AdminCheck admins, EditHistory edits,
      Mentions mentions) {
    this.access = access;
    this.timeline = timeline;
    this.admins = admins;
    this.edits = edits;
    this.mentions = mentions;
  }

  /** Empties the message but keeps its seq; deleting a deleted message changes nothing. */
  public Future<Message> delete(Actor actor, String messageId) {
    return access.ofMessageOrAsAdmin(messageId, actor).compose(target -> {
      String roomId = target.room().getString("_id");
      return delete(roomId, messageId, actor, target.asAdmin()).recover(failure -> failure instanceof NotTheSender
          ? admins.require(actor, ServiceError.forbidden("Only its sender or an admin can delete a message."))
              .compose(admin -> delete(roomId, messageId, actor, true))
          : Future.failedFuture(failure));
    }).map(Timeline.Outcome::message);
  }

  private Future<Timeline.Outcome> delete(String roomId, String messageId, Actor actor, boolean asAdmin) {
    AtomicReference<JsonObject> deleted = new AtomicReference<>();
    return timeline.change(roomId, messageId, current -> {
      if (!asAdmin && !MessageHandlers.isSender(current, actor)) {
        throw new NotTheSender();
      }
      if (current.getBoolean("deleted", false)) {
        return null;
      }
      deleted.set(current);
      return new Timeline.Edit(new JsonObject().put("text", "").put("deleted", true)
          .put("reactions", new JsonObject()), List.of("attachment", "pinned", "mentions", "mentionsRoom"));
    }, MessageDeleted::new).compose(outcome -> !outcome.changed() ? Future.succeededFuture(outcome)
        : Future.all(edits.forget(messageId), mentions.record(outcome.message(),
            MessageStore.toMessage(deleted.get()))).map(outcome));
  }

  /** Gives up a deletion that needs admin power, before it takes a number. */
  private static final class NotTheSender extends RuntimeException {
    NotTheSender() {
      super(null, null, false, false);
    }
  }
}
