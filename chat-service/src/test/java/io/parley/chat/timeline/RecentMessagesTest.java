package io.parley.chat.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache of recent messages serves only what it holds at the version asked for, or newer. */
class RecentMessagesTest {

  private static final UserRef SENDER = new UserRef("senderaaaaaaaaaaaaaa", "sender", "Sender");

  @Test
  void aWindowServesPagesWithinItAtItsVersionOrOlder() {
    RecentMessages recent = new RecentMessages(10);
    recent.load("r", 150, 150, messages(51, 150, "v"));

    assertEquals(List.of(141L, 142L), seqs(recent.page("r", 150, 141, 142)));
    assertEquals(List.of(51L), seqs(recent.page("r", 120, 51, 51)));
    assertNull(recent.page("r", 151, 141, 142), "the journal is newer than the window");
    assertNull(recent.page("r", 150, 50, 60), "older than the window holds");
    assertNull(recent.page("other", 0, 1, 1));
    assertEquals(List.of(), recent.page("r", 150, 151, 150));
  }

  @Test
  void changesApplyOneVersionAtATimeAndAGapDropsTheWindow() {
    RecentMessages recent = new RecentMessages(10);
    recent.load("r", 10, 100, messages(1, 100, "v"));

    recent.apply("r", 11, message(101, "new"));
    assertEquals("new", recent.page("r", 11, 101, 101).get(0).text());
    assertNull(recent.page("r", 11, 1, 1), "the window slid past seq 1");
    recent.apply("r", 12, message(50, "edited"));
    assertEquals("edited", recent.page("r", 12, 50, 50).get(0).text());
    recent.apply("r", 12, message(50, "late notice of a version already applied"));
    assertEquals("edited", recent.page("r", 12, 50, 50).get(0).text());

    recent.apply("r", 14, message(51, "skipped 13"));
    assertNull(recent.page("r", 12, 50, 50));
  }

  @Test
  void anOlderLoadDoesNotReplaceANewerWindowAndTheLeastRecentRoomGoesFirst() {
    RecentMessages recent = new RecentMessages(2);
    recent.load("a", 5, 5, messages(1, 5, "new"));
    recent.load("a", 4, 4, messages(1, 4, "old"));
    assertEquals("new", recent.page("a", 5, 1, 1).get(0).text());

    recent.load("b", 1, 1, messages(1, 1, "b"));
    recent.page("a", 5, 1, 1);
    recent.load("c", 1, 1, messages(1, 1, "c"));
    assertNull(recent.page("b", 1, 1, 1));
    assertEquals(1, recent.page("a", 5, 1, 1).size());
  }

  private static List<Message> messages(long from, long to, String text) {
    List<Message> list = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      list.add(message(seq, text));
    }
    return list;
  }

  private static Message message(long seq, String text) {
    return new Message("r-" + seq, "r", seq, SENDER, text, null, "t", null, false, null, null, 0);
  }

  private static List<Long> seqs(List<Message> page) {
    return page.stream().map(Message::seq).toList();
  }
}
