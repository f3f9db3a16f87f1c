package io.parley.chat.message;

import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.frame.MessageUpdated;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Editing a message, by its sender: the new text, its mentions read again (those no longer named lose the
 * mention, those newly named get one), and the text it replaced kept in the {@link EditHistory}.
 */
final class MessageEditing {

  private final RoomAccess access;
  private final Timeline timeline;
  private final Mentions mentions;
  private final EditHistory history;

  MessageEditing(MessageHandlers.Parts parts) {
    this.access = parts.access();
    this.timeline = parts.timeline();
    this.mentions = parts.mentions();
    this.history = parts.edits();
  }

  Future<Message> edit(Actor actor, MessageEdit edit) {
    return access.ofMessage(edit.messageId(), actor).compose(room -> mentions.resolve(room, edit.text())
        .compose(mentioned -> {
          AtomicReference<JsonObject> replaced = new AtomicReference<>();
          String editedAt = Instant.now().toString();
          return timeline.change(room.getString("_id"), edit.messageId(), current -> {
            MessageHandlers.requireLive(current);
            if (!MessageHandlers.isSender(current, actor)) {
              throw ServiceError.forbidden("Only its sender can edit a message.");
            }
            replaced.set(current);
            JsonObject set = new JsonObject().put("text", edit.text()).put("editedAt", editedAt)
                .mergeIn(mentioned.fields());
            return new Timeline.Edit(set, mentioned.absentFields());
          }, MessageUpdated::new).compose(outcome -> {
            Message after = outcome.message();
            JsonObject before = replaced.get();
            return Future.all(
                    history.record(after.id(), after.roomId(), after.version(), before.getString("text"), editedAt),
                    mentions.record(after, MessageStore.toMessage(before)))
                .map(after);
          });
        }));
  }
}
