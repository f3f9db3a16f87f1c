package io.parley.chat.message;

import io.parley.chat.membership.RoomAccess;
import io.parley.chat.timeline.PinBoard;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.Limits;
import io.parley.contract.ServiceError;
import io.parley.contract.frame.MessageUpdated;
import io.parley.contract.model.Message;
import io.parley.contract.model.Pin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Pinning and unpinning a message, by any member of its room: a timeline change of the message ({@code pinned:
 * {by, at}}), so it takes the room's next version and {@code sync} carries it, then noted on the room's {@link
 * PinBoard}. Doing what is done already changes nothing.
 */
final class Pins {

  private final RoomAccess access;
  private final Timeline timeline;
  private final PinBoard board;

  Pins(MessageHandlers.Parts parts) {
    this.access = parts.access();
    this.timeline = parts.timeline();
    this.board = parts.pins();
  }

  Future<Message> pin(Actor actor, String messageId, boolean pinned) {
    return access.ofMessage(messageId, actor).compose(room -> {
      String roomId = room.getString("_id");
      Future<Integer> held = pinned ? board.count(roomId) : Future.succeededFuture(0);
      return held.compose(count -> timeline.change(roomId, messageId, current -> {
        MessageHandlers.requireLive(current);
        if (current.containsKey("pinned") == pinned) {
          return null;
        }
        if (!pinned) {
          return new Timeline.Edit(new JsonObject(), List.of("pinned"));
        }
        if (count >= Limits.PINS_PER_ROOM_MAX) {
          throw ServiceError.invalid("messageId", "this room has as many pinned messages as it can hold");
        }
        return Timeline.Edit.set(new JsonObject().put("pinned",
            new Pin(actor.id(), Instant.now().toString()).toJson()));
      }, MessageUpdated::new)).compose(outcome -> {
        Message message = outcome.message();
        if (!outcome.changed()) {
          return Future.succeededFuture(message);
        }
        return (pinned ? board.add(roomId, messageId, message.pinned().at()) : board.remove(roomId, messageId))
            .map(message);
      });
    });
  }
}
