package io.parley.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.model.Message;
import io.parley.contract.model.UserRef;
import io.parley.platform.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index itself, on a real Lucene folder: a message new to the index is added without looking for an earlier
 * state, and one that is not (an edit, a late copy, a message under a room's highest seq) replaces or is ignored
 * exactly as before, within one opening and after the index is closed and opened again.
 */
class MessageIndexTest {

  private static final UserRef ANN = new UserRef("u-ann", "ann", "Ann");
  private final Path folder = TestStores.freshDataDir().resolve("messages-v2");
  private MessageIndex index;

  @AfterEach
  void close() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void anEditReplacesTheMessageAndALateCopyIsIgnored() throws IOException {
    index = MessageIndex.open(folder);
    assertTrue(index.apply(message(1, 1, "first")));
    assertTrue(index.apply(message(2, 2, "second")));
    assertTrue(index.apply(message(2, 3, "second, edited")));
    assertFalse(index.apply(message(2, 2, "second")));
    index.refresh();
    assertEquals(1, documentsOf(2));
    assertEquals(List.of("first", "second, edited"), texts());
  }

  @Test
  void afterReopeningAMessageAlreadyIndexedIsReplacedNotAddedAgain() throws IOException {
    index = MessageIndex.open(folder);
    index.applyAll(List.of(message(1, 1, "one"), message(2, 2, "two"), message(3, 3, "three")));
    index.saveRoomVersions(Map.of("r1", 3L));
    index.commit();
    index.close();

    index = MessageIndex.open(folder);
    assertTrue(index.apply(message(3, 5, "three, edited")));
    assertFalse(index.apply(message(1, 1, "one")));
    assertTrue(index.apply(deleted(2, 6)));
    assertTrue(index.apply(message(4, 4, "four")));
    index.refresh();
    for (long seq = 1; seq <= 4; seq++) {
      assertEquals(1, documentsOf(seq), "documents of message " + seq);
    }
    assertEquals(List.of("one", "three, edited", "four"), texts());
  }

  @Test
  void aMessageHeardAfterALaterOneIsStillIndexedOnce() throws IOException {
    index = MessageIndex.open(folder);
    assertTrue(index.apply(message(5, 5, "five")));
    assertTrue(index.apply(message(4, 4, "four")));
    assertFalse(index.apply(message(4, 4, "four")));
    index.refresh();
    assertFalse(index.apply(message(4, 4, "four")));
    assertEquals(1, documentsOf(4));
    assertEquals(List.of("four", "five"), texts());
  }

  @Test
  void anIndexThatCannotBeReadIsDroppedAndStartedAfresh() throws IOException {
    index = MessageIndex.open(folder);
    index.apply(message(1, 1, "one"));
    index.commit();
    index.close();
    try (var files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }

    index = MessageIndex.open(folder);
    assertTrue(texts().isEmpty());
    assertTrue(index.apply(message(2, 2, "two")));
    index.refresh();
    assertEquals(List.of("two"), texts());
  }

  @Test
  void anEarlierIndexVersionBesideIsRemovedAndNothingElse() throws IOException {
    Path earlier = Files.createDirectories(folder.resolveSibling("messages-v1"));
    Files.writeString(earlier.resolve("segments_1"), "old");
    Path other = Files.createDirectories(folder.resolveSibling("uploads-v1"));
    index = MessageIndex.open(folder);
    assertFalse(Files.exists(earlier));
    assertTrue(Files.isDirectory(other));
  }

  private static Message message(long seq, long version, String text) {
    return new Message("r1-" + String.format("%010d", seq), "r1", seq, ANN, text, null,
        "2026-12-05T06:00:0" + seq + "Z", null, false, Map.of(), null, version);
  }

  private static Message deleted(long seq, long version) {
    Message kept = message(seq, version, null);
    return new Message(kept.id(), kept.roomId(), seq, ANN, null, null, kept.createdAt(), null, true, Map.of(), null,
        version);
  }

  private long documentsOf(long seq) throws IOException {
    return index.search(searcher -> searcher.count(new TermQuery(MessageDocuments.key(message(seq, 0, "").id()))));
  }

  /** The texts of the messages found in room r1, oldest first. */
  private List<String> texts() throws IOException {
    return index.search(searcher -> {
      var hits = searcher.search(new TermQuery(new Term(MessageDocuments.KIND, MessageDocuments.MESSAGE)), 100,
          MessageDocuments.NEWEST_FIRST);
      List<String> texts = new ArrayList<>();
      for (var hit : hits.scoreDocs) {
        texts.add(0, MessageDocuments.message(searcher.storedFields().document(hit.doc)).text());
      }
      return texts;
    });
  }
}
