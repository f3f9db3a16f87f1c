package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.platform.EmbeddedStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store file keeps the buffers chunks are written from: a chunk larger than the buffers makes the next ones
 * its size, a kept buffer is handed out again, and chunks written from reused buffers read back whole after a
 * reopening (a buffer reused while its chunk was still being written would corrupt them). Its page cache is as
 * large as the store was opened with, and a page a change replaced leaves it, while the pages beside it stay.
 */
class ChunkBufferStoreTest {

  private static final int ROUNDS = 6;
  private static final int PER_ROUND = 3_000;

  private static ChunkBufferStore file(String fileName) {
    return ChunkBufferStore.open(fileName, EmbeddedStore.DEFAULT_CACHE_MB);
  }

  /** A store on the file that commits only when the test says so. */
  private static MVStore committingOnRequest(ChunkBufferStore file) {
    return new MVStore.Builder().adoptFileStore(file).autoCommitDisabled().open();
  }

  /** H2 sizes the cache from the file store's settings and ignores the MVStore builder's once a file is adopted. */
  @Test
  void theStoreCachesAsManyMegabytesAsItIsOpenedWith(@TempDir Path dir) {
    TunedH2Backend backend = TunedH2Backend.open(dir.resolve("cache.mv.db").toString(), 48);
    try {
      assertEquals(48, backend.getMvStore().getFileStore().getCacheSize());
    } finally {
      backend.close();
    }
  }

  @Test
  void aPageAChangeReplacedLeavesTheCache(@TempDir Path dir) {
    ChunkBufferStore file = file(dir.resolve("replaced.mv.db").toString());
    MVStore store = committingOnRequest(file);
    try {
      MVMap<Integer, String> map = store.openMap("data");
      map.putAll(rows(0, 200, new Random(3)));
      store.commit();
      Page<Integer, String> root = map.getRootPage();
      assertFalse(root.isLeaf(), "a tree of several pages");
      long first = root.getChildPagePos(0);
      long second = root.getChildPagePos(1);
      assertTrue(file.caches(first) && file.caches(second), "pages are cached when their chunk is written");

      map.put(map.firstKey(), "changed");
      assertFalse(file.caches(first), "the page the change replaced is not any more");
      assertTrue(file.caches(second), "the page beside it still is");
      store.commit();
      assertTrue(file.caches(map.getRootPage().getChildPagePos(0)), "the replacement is, once written");
      assertEquals("changed", map.get(map.firstKey()));
    } finally {
      store.close();
    }
  }

  @Test
  void aChunkLargerThanTheBuffersSetsTheSizeOfTheNextOnes(@TempDir Path dir) {
    ChunkBufferStore file = file(dir.resolve("grow.mv.db").toString());
    MVStore store = committingOnRequest(file);
    try {
      int first = file.bufferCapacity();
      store.<Integer, String>openMap("data").putAll(rows(0, 2 * PER_ROUND, new Random(1)));
      store.commit();
      assertTrue(file.bufferCapacity() > first, "a chunk of several MB grew its buffer: " + file.bufferCapacity());

      WriteBuffer buffer = file.getWriteBuffer();
      assertEquals(file.bufferCapacity(), buffer.capacity());
      file.releaseWriteBuffer(buffer);
      assertSame(buffer, file.getWriteBuffer(), "a kept buffer is handed out again");
      WriteBuffer another = file.getWriteBuffer();
      assertNotSame(buffer, another, "a buffer in use is not handed out twice");
    } finally {
      store.close();
    }
  }

  @Test
  void chunksWrittenFromReusedBuffersReadBackWhole(@TempDir Path dir) {
    String fileName = dir.resolve("reuse.mv.db").toString();
    MVStore store = committingOnRequest(file(fileName));
    Random random = new Random(7);
    Map<Integer, String> expected = new HashMap<>();
    try {
      MVMap<Integer, String> map = store.openMap("data");
      for (int round = 0; round < ROUNDS; round++) {
        Map<Integer, String> rows = rows(round * PER_ROUND / 2, PER_ROUND, random);
        map.putAll(rows);
        expected.putAll(rows);
        store.commit();
      }
    } finally {
      store.close();
    }
    MVStore reopened = new MVStore.Builder().adoptFileStore(file(fileName)).open();
    try {
      MVMap<Integer, String> map = reopened.openMap("data");
      assertEquals(expected.size(), map.size());
      expected.forEach((key, value) -> assertEquals(value, map.get(key), "row " + key));
    } finally {
      reopened.close();
    }
  }

  /** Rows of about 1 KB each, random enough that no chunk compresses or repeats another's bytes. */
  private static Map<Integer, String> rows(int from, int count, Random random) {
    Map<Integer, String> rows = new HashMap<>();
    for (int key = from; key < from + count; key++) {
      StringBuilder value = new StringBuilder(1_024);
      while (value.length() < 1_000) {
        value.append(Long.toString(random.nextLong(), 36));
      }
      rows.put(key, value.toString());
    }
    return rows;
  }
}
