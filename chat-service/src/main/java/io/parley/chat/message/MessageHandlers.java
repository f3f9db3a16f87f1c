package io.parley.chat.message;

import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.thread.Replies;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.PinBoard;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.EarlierText;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.MessageService;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.Reacted;
import io.parley.contract.chat.ReactionChange;
import io.parley.contract.frame.ReactionFrame;
import io.parley.contract.frame.ServerFrame;
import io.parley.contract.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Messages: sending ({@link MessagePosting}), editing ({@link MessageEditing}), reacting, pinning ({@link Pins});
 * deleting is {@link MessageDeletion}'s, late deliveries {@link Deliveries}'.
 */
public final class MessageHandlers implements MessageService {

  /** Different emoji on one message, so a message document cannot be grown without bound. */
  private static final int MAX_DISTINCT_REACTIONS = 50;

  /** What the message domain works with. */
  public record Parts(RoomAccess access, DirectRooms directRooms, Timeline timeline, MessageStore messages,
      FileStore files, ReadMarkers readMarkers, Deliveries deliveries, UserDirectory users, Replies replies,
      Mentions mentions, EditHistory edits, PinBoard pins) {
  }

  private final RoomAccess access;
  private final Timeline timeline;
  private final MessageStore messages;
  private final Deliveries deliveries;
  private final EditHistory edits;
  private final MessagePosting posting;
  private final MessageEditing editing;
  private final MessageDeletion deletion;
  private final Pins pins;

  public MessageHandlers(Parts parts, MessageDeletion deletion) {
    this.access = parts.access();
    this.timeline = parts.timeline();
    this.messages = parts.messages();
    this.deliveries = parts.deliveries();
    this.edits = parts.edits();
    this.posting = new MessagePosting(parts);
    this.editing = new MessageEditing(parts);
    this.pins = new Pins(parts);
    this.deletion = deletion;
  }

  @Override
  public Future<Posted> send(Actor actor, NewMessage request) {
    return posting.send(actor, request);
  }

  @Override
  public Future<Message> edit(Actor actor, MessageEdit edit) {
    return editing.edit(actor, edit);
  }

  @Override
  public Future<Message> delete(Actor actor, MessageRef message) {
    return deletion.delete(actor, message.messageId());
  }

  /** Adds or removes the actor's reaction; doing what is already done changes nothing. */
  @Override
  public Future<Reacted> react(Actor actor, ReactionChange change) {
    return changeMessage(actor, change.messageId(),
        current -> reactionEdit(current, change.emoji(), actor.id(), change.adds()),
        message -> new ReactionFrame(message, change.emoji(), actor.id(), change.op()))
        .map(outcome -> new Reacted(outcome.message(), outcome.changed()));
  }

  @Override
  public Future<Message> pin(Actor actor, MessageRef message) {
    return pins.pin(actor, message.messageId(), true);
  }

  @Override
  public Future<Message> unpin(Actor actor, MessageRef message) {
    return pins.pin(actor, message.messageId(), false);
  }

  /** A live message's earlier texts, to members of its room. */
  @Override
  public Future<List<EarlierText>> edits(Actor actor, MessageRef message) {
    return access.ofMessage(message.messageId(), actor)
        .compose(room -> messages.findById(message.messageId()))
        .compose(found -> {
          if (found == null) {
            return Future.failedFuture(ServiceError.notFound("Message"));
          }
          requireLive(found);
          return edits.of(message.messageId());
        });
  }

  @Override
  public Future<Integer> flushDeliveries(Actor actor) {
    return deliveries.flush(actor.id());
  }

  /** The message's reactions with the user's reaction added or removed; null when it is so already. */
  private static Timeline.Edit reactionEdit(JsonObject current, String emoji, String userId, boolean add) {
    requireLive(current);
    JsonObject reactions = current.getJsonObject("reactions", new JsonObject()).copy();
    List<Object> userIds = new ArrayList<>(reactions.getJsonArray(emoji, new JsonArray()).getList());
    if (add == userIds.contains(userId)) {
      return null;
    }
    if (add && userIds.isEmpty() && reactions.size() >= MAX_DISTINCT_REACTIONS) {
      throw ServiceError.invalid("emoji", "this message has as many different reactions as it can hold");
    }
    if (add) {
      userIds.add(userId);
    } else {
      userIds.remove(userId);
    }
    if (userIds.isEmpty()) {
      reactions.remove(emoji);
    } else {
      reactions.put(emoji, new JsonArray(userIds));
    }
    return Timeline.Edit.set(new JsonObject().put("reactions", reactions));
  }

  /** A change to one message by a member of its room. */
  private Future<Timeline.Outcome> changeMessage(Actor actor, String messageId,
      Function<JsonObject, Timeline.Edit> decide, Function<Message, ServerFrame> frameOf) {
    return access.ofMessage(messageId, actor)
        .compose(room -> timeline.change(room.getString("_id"), messageId, decide, frameOf));
  }

  static void requireLive(JsonObject message) {
    if (message.getBoolean("deleted", false)) {
      throw ServiceError.notFound("Message");
    }
  }

  /** Whether the actor sent the stored message. */
  static boolean isSender(JsonObject message, Actor actor) {
    return actor.id().equals(message.getJsonObject("sender").getString("id"));
  }
}
