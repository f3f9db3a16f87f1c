package io.parley.chat.message;

import io.parley.chat.delivery.Deliveries;
import io.parley.chat.directory.UserDirectory;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.RoomAccess;
import io.parley.chat.mention.Mentions;
import io.parley.chat.readstate.ReadMarkers;
import io.parley.chat.room.DirectRooms;
import io.parley.chat.room.StoredRoom;
import io.parley.chat.thread.Replies;
import io.parley.chat.timeline.Timeline;
import io.parley.contract.Actor;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.Posted;
import io.parley.contract.model.Attachment;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending a message: to a room the sender is a member of, or to the direct room of a user; as a reply when it
 * names a thread ({@link Replies}); with the members it mentions ({@link Mentions}). What follows the message
 * (the thread's summary, the mentions' marks) is done again when a client resends the same clientMsgId, so a
 * send cut short is finished by the retry every client makes.
 */
final class MessagePosting {

  private static final Logger LOG = LoggerFactory.getLogger(MessagePosting.class);

  private final RoomAccess access;
  private final DirectRooms directRooms;
  private final Timeline timeline;
  private final FileStore files;
  private final ReadMarkers readMarkers;
  private final Deliveries deliveries;
  private final UserDirectory users;
  private final Replies replies;
  private final Mentions mentions;

  MessagePosting(MessageHandlers.Parts parts) {
    this.access = parts.access();
    this.directRooms = parts.directRooms();
    this.timeline = parts.timeline();
    this.files = parts.files();
    this.readMarkers = parts.readMarkers();
    this.deliveries = parts.deliveries();
    this.users = parts.users();
    this.replies = parts.replies();
    this.mentions = parts.mentions();
  }

  Future<Posted> send(Actor actor, NewMessage request) {
    Future<JsonObject> room = request.toUser()
        ? directRooms.open(actor, request.toUserId(), "toUserId").map(DirectRooms.Opened::room)
        : access.asMember(request.roomId(), actor);
    return room.compose(target -> {
      String roomId = target.getString("_id");
      Future<Attachment> attachment = request.fileId() == null
          ? Future.succeededFuture(null)
          : files.attachment(request.fileId(), roomId, actor.id());
      Future<JsonObject> root = request.threadId() == null
          ? Future.succeededFuture(null)
          : replies.root(roomId, request.threadId());
      return Future.all(users.profile(actor.id()), attachment, root, mentions.resolve(target, request.text()))
          .compose(all -> {
            JsonObject extras = all.<Mentions.Resolved>resultAt(3).fields();
            if (request.threadId() != null) {
              extras.put("threadId", request.threadId());
            }
            return timeline.post(roomId, all.resultAt(0), request.text(), request.clientMsgId(), all.resultAt(1),
                extras);
          })
          .compose(outcome -> (outcome.changed()
                  ? afterPost(target, actor, outcome.message())
                  : Future.<Void>succeededFuture())
              .compose(done -> conversation(outcome.message()))
              .map(done -> new Posted(outcome.message(), outcome.changed())));
    });
  }

  /** The thread's summary and the mentions' marks; safe to do again for a message resent. */
  private Future<Void> conversation(Message message) {
    Future<Void> thread = message.isReply() ? replies.replied(message) : Future.succeededFuture();
    return thread.compose(done -> mentions.record(message, null));
  }

  /** The sender has read their own message; a direct message to someone offline waits for them. */
  private Future<Void> afterPost(JsonObject room, Actor sender, Message message) {
    readMarkers.readOwn(room.getString("_id"), sender.id(), message.seq());
    if (!StoredRoom.is(room, Room.DIRECT)) {
      return Future.succeededFuture();
    }
    String recipient = DirectRooms.otherMember(room, sender.id());
    return users.isOnline(recipient)
        // Without an answer from presence-service the recipient counts as offline: a late notice beats none.
        .recover(failure -> Future.succeededFuture(false))
        .compose(onlineNow -> onlineNow
            ? Future.<Void>succeededFuture()
            : deliveries.remember(recipient, message))
        .recover(failure -> {
          LOG.warn("could not keep {} for offline recipient {}", message.id(), recipient, failure);
          return Future.succeededFuture();
        });
  }
}
