package io.parley.chat.timeline;

import io.parley.contract.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What the journal tests record: messages of one sender without a client key, and edits of a message's text. */
final class JournalWrites {

  static final UserRef SENDER = new UserRef("senderaaaaaaaaaaaaaa", "sender", "Sender");

  private JournalWrites() {
  }

  static Future<RoomJournal.Recorded> post(RoomJournal journal, String roomId, String text) {
    return journal.post(roomId, null, seq -> MessageStore.newMessage(roomId, seq, SENDER, text, null, null));
  }

  static Future<RoomJournal.Recorded> edit(RoomJournal journal, String roomId, String messageId, String text) {
    return journal.change(roomId, messageId, current -> {
      JsonObject set = new JsonObject().put("text", text);
      return new RoomJournal.Update(set, new JsonObject(), current.copy().mergeIn(set));
    });
  }
}
