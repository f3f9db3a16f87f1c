package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.chat.timeline.MessageStore;
import io.parley.chat.timeline.RoomJournal;
import io.parley.contract.model.UserRef;
import io.parley.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A room with 10,000 messages pages correctly both ways. The messages are written through a second
 * RoomJournal on the same store, as a second chat-service instance would write them, which is also quick.
 */
class HistoryPagingTest extends ParleyStackTest {

  private static final int MESSAGES = 10_000;
  private static JsonObject reader;
  private static String roomId;

  @BeforeAll
  static void fillARoom() {
    reader = parley.newUser("reader");
    roomId = parley.createRoom(reader, "public");
    UserRef sender = UserRef.fromJson(reader.getJsonObject("user"));
    Promise<Void> written = Promise.promise();
    parley.vertx().getOrCreateContext().runOnContext(ignored -> {
      RoomJournal journal = new RoomJournal(parley.vertx(), parley.store());
      List<Future<RoomJournal.Recorded>> records = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        records.add(journal.post(roomId, null,
            seq -> MessageStore.newMessage(roomId, seq, sender, "m" + seq, null, null)));
      }
      Future.all(records).<Void>mapEmpty().onComplete(written);
    });
    Await.result(written.future(), 240);
  }

  @Test
  void pagingBackwardsFromTheNewestVisitsEveryMessageOnce() {
    List<Long> seen = new ArrayList<>();
    String query = "?limit=100";
    boolean hasMore = true;
    while (hasMore) {
      JsonObject page = rest.get("/api/rooms/" + roomId + "/messages" + query, token(reader)).json();
      List<Long> seqs = checkedSeqs(page.getJsonArray("messages"));
      assertFalse(seqs.isEmpty());
      seen.addAll(0, seqs);
      hasMore = page.getBoolean("hasMore");
      query = "?limit=100&before=" + seqs.get(0);
    }
    assertEquals(expected(1, lastSeq()), seen);
  }

  @Test
  void pagingForwardsFromTheStartVisitsEveryMessageOnce() {
    List<Long> seen = new ArrayList<>();
    long after = 0;
    boolean hasMore = true;
    while (hasMore) {
      JsonObject page = rest.get("/api/messages/" + roomId + "?limit=100&after=" + after, token(reader)).json();
      List<Long> seqs = checkedSeqs(page.getJsonArray("messages"));
      seen.addAll(seqs);
      hasMore = page.getBoolean("hasMore");
      after = seqs.get(seqs.size() - 1);
    }
    assertEquals(expected(1, lastSeq()), seen);
  }

  @Test
  void theDefaultPageIsTheNewestFiftyAndTheServiceCarriesOnTheNumbering() {
    long last = lastSeq();
    JsonObject newest = rest.get("/api/rooms/" + roomId + "/messages", token(reader)).json();
    assertEquals(expected(last - 49, last), checkedSeqs(newest.getJsonArray("messages")));
    assertTrue(newest.getBoolean("hasMore"));

    JsonObject next = send(reader, roomId, "after the flood");
    assertEquals(last + 1, next.getLong("seq"));
    assertEquals(last + 1, next.getLong("version"));
    JsonObject tail = rest.get("/api/rooms/" + roomId + "/messages?after=" + (last - 1), token(reader)).json();
    assertEquals(List.of(last, last + 1), checkedSeqs(tail.getJsonArray("messages")));
  }

  /** The room's newest seq: 10,000, and one more once a test has sent through the service. */
  private static long lastSeq() {
    long last = rest.get("/api/rooms/" + roomId, token(reader)).json().getLong("lastSeq");
    assertTrue(last == MESSAGES || last == MESSAGES + 1, "lastSeq " + last);
    return last;
  }

  /** The seqs of a page, checking it ascends one by one and each message is the one written at its seq. */
  private static List<Long> checkedSeqs(JsonArray messages) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonObject message = messages.getJsonObject(i);
      long seq = message.getLong("seq");
      if (!seqs.isEmpty()) {
        assertEquals(seqs.get(seqs.size() - 1) + 1, seq);
      }
      if (seq <= MESSAGES) {
        assertEquals("m" + seq, message.getString("text"));
        assertEquals(seq, message.getLong("version"));
      }
      seqs.add(seq);
    }
    return seqs;
  }

  private static List<Long> expected(long from, long to) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      seqs.add(seq);
    }
    return seqs;
  }
}
