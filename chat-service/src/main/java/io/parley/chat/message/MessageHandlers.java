package io.parley.chat.message;

import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.ServiceError;
import io.parley.contract.chat.MessageEdit;
import io.parley.contract.chat.MessageRef;
import io.parley.contract.chat.MessageService;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.Reacted;
import io.parley.contract.chat.ReactionChange;
import io.parley.contract.frame.MessageUpdated;
import io.parley.contract.frame.ReactionFrame;
import io.parley.contract.frame.ServerFrame;
import io.parley.contract.model.Attachment;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Messages: sending, editing, reacting; deleting is {@link MessageDeletion}'s, late deliveries {@link Deliveries}'. */
public final class MessageHandlers implements MessageService {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);
  /** Different emoji on one message, so a message document cannot be grown without bound. */
  private static final int MAX_DISTINCT_REACTIONS = 50;

  private final RoomAccess access;
  private final DirectRooms directRooms;
  private final Timeline timeline;
  private final FileStore files;
  private final ReadMarkers readMarkers;
  private final Deliveries deliveries;
  private final UserDirectory users;
  private final MessageDeletion deletion;

  public MessageHandlers(RoomAccess access, DirectRooms directRooms, Timeline timeline, FileStore files,
      ReadMarkers readMarkers, Deliveries deliveries, UserDirectory users, MessageDeletion deletion) {
    this.access = access;
    this.directRooms = directRooms;
    this.timeline = timeline;
    this.files = files;
    this.readMarkers = readMarkers;
    this.deliveries = deliveries;
    this.users = users;
    this.deletion = deletion;
  }

  @Override
  public Future<Posted> send(Actor actor, NewMessage request) {
    Future<JsonObject> room = request.toUser()
        ? directRooms.open(actor, request.toUserId(), "toUserId").map(DirectRooms.Opened::room)
        : access.asMember(request.roomId(), actor);
    return room.compose(target -> {
      String roomId = target.getString("_id");
      Future<Attachment> attachment = request.fileId() == null
          ? Future.succeededFuture(null)
          : files.attachment(request.fileId(), roomId, actor.id());
      return Future.all(users.profile(actor.id()), attachment)
          .compose(both -> timeline.post(roomId, both.resultAt(0), request.text(), request.clientMsgId(),
              both.resultAt(1)))
          .compose(outcome -> outcome.changed()
              ? afterPost(target, actor, outcome.message()).map(outcome)
              : Future.succeededFuture(outcome))
          .map(outcome -> new Posted(outcome.message(), outcome.changed()));
    });
  }

  /** The sender has read their own message; a direct message to someone offline waits for them. */
  private Future<Void> afterPost(JsonObject room, Actor sender, Message message) {
    Future<Long> read = readMarkers.readOwn(room.getString("_id"), sender.id(), message.seq());
    if (!RoomStore.is(room, Room.DIRECT)) {
      return read.mapEmpty();
    }
    String recipient = RoomStore.otherMember(room, sender.id());
    // Asked while the read marker is written: both are on the way to the sender's ack.
    Future<Set<String>> online = users.online(List.of(recipient))
        // Without an answer from presence-service the recipient counts as offline: a late notice beats none.
        .recover(failure -> Future.succeededFuture(Set.of()));
    return read
        .compose(ignored -> online)
        .compose(onlineNow -> onlineNow.contains(recipient)
            ? Future.<Void>succeededFuture()
            : deliveries.remember(recipient, message))
        .recover(failure -> {
          LOG.warn("could not keep {} for offline recipient {}", message.id(), recipient, failure);
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<Message> edit(Actor actor, MessageEdit edit) {
    return changeMessage(actor, edit.messageId(), current -> {
      requireLive(current);
      if (!isSender(current, actor)) {
        throw ServiceError.forbidden("Only its sender can edit a message.");
      }
      return Timeline.Edit.set(new JsonObject().put("text", edit.text()).put("editedAt", Instant.now().toString()));
    }, MessageUpdated::new).map(Timeline.Outcome::message);
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

  private static void requireLive(JsonObject message) {
    if (message.getBoolean("deleted", false)) {
      throw ServiceError.notFound("Message");
    }
  }

  /** Whether the actor sent the stored message. */
  static boolean isSender(JsonObject message, Actor actor) {
    return actor.id().equals(message.getJsonObject("sender").getString("id"));
  }
}
