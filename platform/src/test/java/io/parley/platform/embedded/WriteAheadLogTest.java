package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's log on its own: a replay ends at a record a crash cut short or damage changed (nothing after it
 * was acknowledged), sets each document to its last state, and a new log begins past every old byte.
 */
class WriteAheadLogTest {

  private static final String NAMESPACE = "parley.things";

  @Test
  void aRecordCutShortEndsTheReplayAndTheLogGoesOnPastIt(@TempDir Path dir) throws Exception {
    Path segment = writeThree(dir);
    long whole = Files.size(segment);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(whole - 5);
    }
    LogReplay replay = LogReplay.read(dir, 0);
    assertEquals(2, replay.records());
    assertTrue(replay.nextStart() >= whole - 5, "a new segment never overlaps an old one");
    assertTrue(replay.end() < whole - 5, "the replay ends before the cut record");
  }

  @Test
  void aDamagedRecordEndsTheReplay(@TempDir Path dir) throws Exception {
    Path segment = writeThree(dir);
    byte[] bytes = Files.readAllBytes(segment);
    int second = WriteAheadLog.HEADER_BYTES + ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16
        | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff);
    bytes[second + WriteAheadLog.HEADER_BYTES + 3] ^= 0x40;
    Files.write(segment, bytes);
    assertEquals(1, LogReplay.read(dir, 0).records());
  }

  @Test
  void aMissingSegmentEndsTheReplay(@TempDir Path dir) throws Exception {
    WriteAheadLog log = WriteAheadLog.open(dir, 0);
    long second;
    try {
      log.append(LogRecord.removal(NAMESPACE, "x"));
      second = log.rotate();
      log.append(LogRecord.removal(NAMESPACE, "y"));
      log.rotate();
      log.append(LogRecord.removal(NAMESPACE, "z"));
      log.force();
    } finally {
      log.close();
    }
    assertEquals(3, LogReplay.read(dir, 0).records());
    Files.delete(LogSegments.path(dir, second));
    assertEquals(1, LogReplay.read(dir, 0).records(), "nothing after a lost record is replayed");
  }

  @Test
  void aReplaySetsEachDocumentToItsLastState(@TempDir Path dir) {
    writeThree(dir);
    MVStore store = MVStore.open(dir.resolve("s.mv.db").toString());
    try {
      MVMap<Object, StoredDocument> documents =
          StoredCollection.openDocuments(store, StoredCollection.documentsMapName(NAMESPACE));
      documents.put("untouched", StoredDocument.of(new Document("_id", "untouched")));
      documents.put("a", StoredDocument.of(new Document("_id", "a").append("v", 0)));
      LogReplay.read(dir, 0).restoreInto(store);
      assertNull(documents.get("a"), "put, then removed");
      assertEquals(2, documents.get("b").document().get("v"));
      assertArrayEquals(StoredDocument.of(new Document("_id", "untouched")).bson(), documents.get("untouched").bson());
    } finally {
      store.close();
    }
  }

  @Test
  void aCheckpointsSegmentsBeforeItAreDropped(@TempDir Path dir) {
    WriteAheadLog log = WriteAheadLog.open(dir, 0);
    try {
      log.append(LogRecord.removal(NAMESPACE, "x"));
      long position = log.rotate();
      log.append(LogRecord.removal(NAMESPACE, "y"));
      log.force();
      log.dropBefore(position);
      assertEquals(1, LogSegments.list(dir).size());
      assertEquals(1, LogReplay.read(dir, position).records());
    } finally {
      log.close();
    }
  }

  /** A put of a, a put of b, a removal of a; b holds v: 2. Returns the segment. */
  private static Path writeThree(Path dir) {
    WriteAheadLog log = WriteAheadLog.open(dir, 0);
    try {
      log.append(LogRecord.put(NAMESPACE, "a", StoredDocument.of(new Document("_id", "a").append("v", 1))));
      log.append(LogRecord.put(NAMESPACE, "b", StoredDocument.of(new Document("_id", "b").append("v", 2))));
      log.append(LogRecord.removal(NAMESPACE, "a"));
      log.force();
    } finally {
      log.close();
    }
    return LogSegments.list(dir).get(0).path();
  }
}
