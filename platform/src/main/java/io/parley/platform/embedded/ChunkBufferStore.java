package io.parley.platform.embedded;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.cache.CacheLongKeyLIRS;

/**
 * H2's single-file store, keeping the buffers it serializes chunks into. H2 keeps only buffers of up to 4 MB, and
 * under load a chunk (the pages changed in about a second) is larger: each was built in a new buffer grown step
 * by step (1, 2, 3, 4.5, 6.75... MB), every step an array that G1 allocates outside the young generation and
 * frees only in a concurrent cycle. At 1,400 direct messages a second that was about 100 MB a second, which
 * filled the heap between cycles. Here a buffer that had to grow sets the size of the next ones, and up to
 * {@link #KEPT} buffers of that size are kept: after a few chunks no chunk allocates.
 *
 * <p>It also takes a page out of H2's page cache once a change has replaced it ({@link #accountForRemovedPage}).
 */
final class ChunkBufferStore extends SingleFileStore {

  /** Buffers kept: one being filled while the one before is written out. */
  static final int KEPT = 2;
  /** Buffers larger than this are built for their chunk and dropped, as H2 does above its 4 MB. */
  static final int LARGEST_KEPT = 32 << 20;
  private static final int FIRST_CAPACITY = 1 << 20;

  private final Queue<WriteBuffer> kept = new ConcurrentLinkedQueue<>();
  /** The size new buffers are made with: the largest a chunk needed, within {@link #LARGEST_KEPT}. */
  private volatile int capacity = FIRST_CAPACITY;
  private volatile WriteAheadLog log;
  private final CacheLongKeyLIRS<?> pageCache;

  private ChunkBufferStore(Map<String, Object> config) {
    super(config);
    pageCache = pageCacheOf(this);
  }

  /** H2 keeps its page cache to itself; a test holds this to the H2 version the parent pom names. */
  private static CacheLongKeyLIRS<?> pageCacheOf(FileStore<?> store) {
    try {
      Field cache = FileStore.class.getDeclaredField("cache");
      cache.setAccessible(true);
      return (CacheLongKeyLIRS<?>) cache.get(store);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("this version of H2 keeps its page cache where Parley does not look", e);
    }
  }

  /**
   * A change to a stored page writes a copy (H2 never changes a page in place), which H2 caches when it serializes
   * it into a chunk; the page it replaced stayed cached until its chunk was dropped, a minute or so later. A chat
   * store rewrites its busiest pages every second, so the cache filled with replaced pages (300 inserts a second
   * left 88 MB of them within 40 s, against 5 MB of live ones) and evicted the live ones, which the next insert
   * then read back from the file. H2 calls this once the change's new root is in place, which no longer reaches
   * the page. A scan still iterating an older root (a collection's entries streamed while writes go on) reads the
   * page back from the file, which keeps it until H2 drops the chunk, and H2 caches it again then.
   */
  @Override
  public void accountForRemovedPage(long pos, long version, boolean pinned, int pageNo) {
    super.accountForRemovedPage(pos, version, pinned, pageNo);
    if (pageCache != null) {
      pageCache.remove(pos);
    }
  }

  /**
   * The store file, opened (created when missing) for reading and writing, with a cache of its pages this large.
   * The cache is the file's: H2 reads its size from the file store's settings, not from the MVStore builder's.
   */
  static ChunkBufferStore open(String fileName, int cacheMegabytes) {
    ChunkBufferStore store = new ChunkBufferStore(new HashMap<>(Map.of("cacheSize", cacheMegabytes)));
    store.open(fileName, false, (char[]) null);
    return store;
  }

  /**
   * The log of the changes this file's store makes: its collections append to it, and no chunk is written before
   * the log is on the disk up to then.
   */
  void attach(WriteAheadLog log) {
    this.log = log;
  }

  WriteAheadLog log() {
    return log;
  }

  /**
   * H2 asks for a buffer once a commit has taken the changes its chunk holds, and before it writes them: the log
   * is forced then, so the file holds no change the log on the disk lacks but, per collection, at most the one a
   * writer had made and not yet appended when the commit took it (never acknowledged; a replay that sets the
   * document again sets its last logged state, and the unique indexes are refilled after).
   */
  @Override
  public WriteBuffer getWriteBuffer() {
    WriteAheadLog attached = log;
    if (attached != null) {
      attached.force();
    }
    WriteBuffer buffer = kept.poll();
    if (buffer == null) {
      return new WriteBuffer(capacity);
    }
    buffer.clear();
    return buffer;
  }

  /**
   * A buffer that grew is dropped (H2's buffer goes back to its first array when cleared) and the next ones are
   * made at its size; one made before the size rose is dropped too, so the kept ones converge on it.
   */
  @Override
  public void releaseWriteBuffer(WriteBuffer buffer) {
    int size = buffer.capacity();
    if (size > capacity) {
      capacity = Math.min(size, LARGEST_KEPT);
    } else if (size == capacity && kept.size() < KEPT) {
      kept.offer(buffer);
    }
  }

  /** Whether H2's cache holds the page at this position: for tests. */
  boolean caches(long pagePosition) {
    return pageCache != null && pageCache.containsKey(pagePosition);
  }

  /** How large new buffers are made: for tests. */
  int bufferCapacity() {
    return capacity;
  }
}
