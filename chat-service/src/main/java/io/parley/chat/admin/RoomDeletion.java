package io.parley.chat.admin;

import io.parley.chat.delivery.Deliveries;
import io.parley.chat.events.RoomEvents;
import io.parley.chat.file.FileStore;
import io.parley.chat.membership.MembershipStore;
import io.parley.chat.mention.MentionLog;
import io.parley.chat.message.EditHistory;
import io.parley.chat.readstate.MemberMarks;
import io.parley.chat.prefs.RoomPrefs;
import io.parley.chat.room.RoomStore;
import io.parley.chat.timeline.ChangeLog;
import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.PinBoard;
import io.parley.chat.timeline.RoomJournal;
import io.parley.chat.timeline.ThreadIndex;
import io.parley.chat.webhook.WebhookStore;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import java.util.List;

/**
 * Deleting a room and everything of it, each part through the owner of its collection. The room is first marked
 * deleting, which hides it from every reader (no one can post, upload, read or follow a file link from then on)
 * and frees its name; its members are told they left; its incoming webhooks go with it (their urls already
 * answered not_found, as posting needs the room); its journal goes next, after any change this instance
 * had queued for it; then its messages and their client keys, change log, files with their chunks, late
 * deliveries, the last-room and mute marks that name it, what its conversations keep ({@link Conversations}:
 * thread index, pins, edit history, members' unread mentions and followed threads, mention lists) and its
 * memberships; the room itself last. Every step is safe to repeat, and a deletion cut short leaves the room
 * marked, so deleting it again finishes the job.
 */
public final class RoomDeletion {

  /** What a room's conversations keep beside its messages, each part through its owner. */
  public record Conversations(ThreadIndex threads, PinBoard pins, EditHistory edits, MemberMarks marks,
      MentionLog mentions) {

    Future<Void> removeRoom(String roomId) {
      return Future.all(List.of(threads.removeRoom(roomId), pins.removeRoom(roomId), edits.removeRoom(roomId),
          marks.removeRoom(roomId), mentions.removeRoom(roomId))).mapEmpty();
    }
  }

  private final RoomStore rooms;
  private final MembershipStore memberships;
  private final RoomJournal journal;
  private final ChangeLog changes;
  private final MessageStore messages;
  private final FileStore files;
  private final Deliveries deliveries;
  private final RoomPrefs prefs;
  private final RoomEvents events;
  private final Conversations conversations;
  private final WebhookStore webhooks;

  public RoomDeletion(RoomStore rooms, MembershipStore memberships, RoomJournal journal, ChangeLog changes,
      MessageStore messages, FileStore files, Deliveries deliveries, RoomPrefs prefs, RoomEvents events,
      Conversations conversations, WebhookStore webhooks) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.journal = journal;
    this.changes = changes;
    this.messages = messages;
    this.files = files;
    this.deliveries = deliveries;
    this.prefs = prefs;
    this.events = events;
    this.conversations = conversations;
    this.webhooks = webhooks;
  }

  /** Deletes the room; {@code not_found} when there is none, or none left to finish deleting. */
  public Future<Void> delete(String roomId) {
    return rooms.findEvenIfDeleting(roomId).compose(room -> {
      if (room == null) {
        return Future.failedFuture(ServiceError.notFound("Room"));
      }
      return rooms.markDeleting(roomId)
          .compose(marked -> memberships.memberIds(roomId))
          .compose(members -> {
            members.forEach(userId -> events.left(roomId, userId));
            return webhooks.removeRoom(roomId).compose(hooksGone -> journal.remove(roomId)).compose(removed -> Future.all(List.of(
                messages.removeRoom(roomId),
                changes.removeRoom(roomId),
                files.removeRoom(roomId),
                deliveries.forgetRoom(roomId, members),
                prefs.forgetRoom(roomId),
                conversations.removeRoom(roomId))));
          })
          .compose(removed -> memberships.removeRoom(roomId))
          .compose(removed -> rooms.remove(roomId));
    });
  }
}
