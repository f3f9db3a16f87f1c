package io.parley.chat.timeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A change this instance is recording: a new message (made once its seq is known) or an update of one (decided
 * on the message as stored, once nothing of the room is in flight before it). It waits in its room's queue, is
 * claimed in a batch, applied, and then completes its promise.
 */
final class PendingChange {

  final String roomId;
  /** Written with each claim of this change: finding it in the change log proves the claim was made. */
  final String token;
  final String clientKey;
  /** When it was submitted: how long it waits decides whether it is written ({@link Admission}). */
  final long arrivedNanos = System.nanoTime();
  private final LongFunction<JsonObject> newMessage;
  final String messageId;
  private final Function<JsonObject, RoomJournal.Update> decide;
  /**
   * Completed on the context of the request that made the change, so that what follows runs as part of that
   * request (its request id in the log lines and the notices it causes), not as the writer's.
   */
  final Promise<RoomJournal.Recorded> promise = callersPromise();
  /** An update's decision, made on the message as stored; dropped whenever the room may have changed since. */
  RoomJournal.Update decided;
  /** The entry of the latest claim made of this change. */
  ChangeEntry claim;
  int attempts;

  private PendingChange(String roomId, String token, String clientKey, LongFunction<JsonObject> newMessage,
      String messageId, Function<JsonObject, RoomJournal.Update> decide) {
    this.roomId = roomId;
    this.token = token;
    this.clientKey = clientKey;
    this.newMessage = newMessage;
    this.messageId = messageId;
    this.decide = decide;
  }

  private static Promise<RoomJournal.Recorded> callersPromise() {
    ContextInternal caller = ContextInternal.current();
    return caller == null ? Promise.promise() : caller.promise();
  }

  static PendingChange post(String roomId, String token, String clientKey, LongFunction<JsonObject> newMessage) {
    return new PendingChange(roomId, token, clientKey, newMessage, null, null);
  }

  static PendingChange update(String roomId, String token, String messageId,
      Function<JsonObject, RoomJournal.Update> decide) {
    return new PendingChange(roomId, token, null, null, messageId, decide);
  }

  boolean isUpdate() {
    return decide != null;
  }

  /** Whether it can be numbered now: a post always, an update once decided. */
  boolean isReady() {
    return !isUpdate() || decided != null;
  }

  /** Decides an update on its message as stored; fails when the update is refused. */
  Future<Void> decideOn(MessageStore messages) {
    return messages.findById(messageId).map(current -> {
      decided = decide.apply(current);
      return null;
    });
  }

  /** This change at the version after {@code version}, in a room whose last seq is {@code lastSeq}. */
  ChangeEntry numbered(long version, long lastSeq) {
    claim = isUpdate()
        ? ChangeEntry.update(roomId, version + 1, lastSeq, token, messageId, decided.set(), decided.unset())
        : ChangeEntry.create(roomId, version + 1, token, clientKey, newMessage.apply(lastSeq + 1));
    return claim;
  }

  /** What the change recorded, once its entry is applied. */
  RoomJournal.Recorded recorded(ChangeEntry entry) {
    JsonObject message = entry.isCreate() ? entry.message() : decided.after().copy().put("version", entry.version());
    return new RoomJournal.Recorded(message.getLong("seq"), entry.version(), message, entry.isCreate());
  }
}
