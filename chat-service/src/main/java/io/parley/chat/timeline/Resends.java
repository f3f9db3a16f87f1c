package io.parley.chat.timeline;

import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a claim refused for a duplicate key means. A new message whose client key the change log holds already
 * was sent before: the answer is that first message, once it is applied. Otherwise the version was taken by
 * another instance: the room is read again, and the change claimed anew after what the read finds. An instance
 * that keeps losing a room asks the others to hold back ({@code askToYield}), or it could starve.
 */
final class Resends {

  /** Claims lost in a row after which an instance asks the others to yield the room. */
  private static final int YIELD_AFTER = 2;

  private final ChangeLog changes;
  private final MessageStore messages;
  private final Map<String, PendingChange> inFlight;
  private final Consumer<String> askToYield;
  private final Consumer<JournalRoom> wake;

  Resends(ChangeLog changes, MessageStore messages, Map<String, PendingChange> inFlight,
      Consumer<String> askToYield, Consumer<JournalRoom> wake) {
    this.changes = changes;
    this.messages = messages;
    this.inFlight = inFlight;
    this.askToYield = askToYield;
    this.wake = wake;
  }

  /** The room waits while the refusal is looked into: what follows the change must not overtake it. */
  void taken(JournalRoom room, PendingChange refused) {
    room.busy = true;
    Future<ChangeEntry> first = refused.clientKey == null
        ? Future.succeededFuture()
        : changes.byClientKey(refused.clientKey);
    first.onComplete(found -> {
      room.busy = false;
      if (found.succeeded() && found.result() != null) {
        answerFirst(room, refused, found.result());
      } else {
        versionTaken(room, refused);
      }
      wake.accept(room);
    });
  }

  private void versionTaken(JournalRoom room, PendingChange change) {
    room.loaded = false;
    room.waiting.addFirst(change);
    if (++room.conflicts >= YIELD_AFTER) {
      askToYield.accept(room.roomId);
    }
  }

  private void answerFirst(JournalRoom room, PendingChange resent, ChangeEntry first) {
    PendingChange sibling = inFlight.get(first.token());
    if (sibling != null) {
      sibling.promise.future().onComplete(done -> {
        if (done.succeeded()) {
          resent.promise.complete(RoomJournal.Recorded.resent(done.result().message()));
        } else {
          resent.promise.fail(done.cause());
        }
      });
    } else if (first.roomId().equals(room.roomId) && (first.version() > room.version || !room.loaded)) {
      // Claimed elsewhere and maybe not applied yet, or claimed here and set aside since: the room's load applies
      // it and makes it durable, then the resend is refused again and answered.
      room.loaded = false;
      room.waiting.addFirst(resent);
    } else {
      messages.findById(first.messageId()).onComplete(found -> resent.promise.complete(RoomJournal.Recorded.resent(
          found.succeeded() && found.result() != null ? found.result() : first.message())));
    }
  }
}
