package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, made fit for Parley's load: every index map is keyed by {@link IndexKeyType}
 * (existing ones are opened with it before the backend starts, by {@link KeyOrderMigration}; a database opens
 * each new one with it before the library asks for the map by name), and every collection is an
 * {@link ExactKeyCollection}, which uses a unique index for any query that pins its keys, and holds its
 * documents as BSON ({@link StoredDocument}, written by {@link DocumentValueType}). A collection's {@code _id}
 * index is its documents' own tree ({@link DataKeyIndex}). Non-unique indexes, which the library ignores, are
 * kept in memory ({@link SecondaryIndex}). The file keeps the buffers its chunks are written from
 * ({@link ChunkBufferStore}). A write that asks to be durable is answered once it is on the disk
 * ({@link DurableCommits}).
 */
public final class TunedH2Backend extends H2Backend {

  private static final Logger LOG = LoggerFactory.getLogger(TunedH2Backend.class);

  /** Commands whose changes the log does not hold (indexes, whole collections): the file takes them at once. */
  private static final Set<String> SCHEMA_COMMANDS = Set.of("create", "drop", "dropDatabase", "createIndexes",
      "dropIndexes", "deleteIndexes", "renameCollection");

  /**
   * Kilobytes of changed pages H2 may hold between two checkpoints before it commits its file on its own. At its
   * default (19 MB) a storm of messages to many rooms made it commit four or five times a second, serializing each
   * busy page (a room's last page of messages, of changes, of each index) that often instead of once a checkpoint;
   * the log already holds every change, so those commits bought nothing. Past this much, or an eighth of the heap
   * when that is less, it still commits, which bounds the heap the pages take.
   */
  static final int UNSAVED_PAGES_KB = 128 * 1024;

  /** How many kilobytes of changed pages wait for the checkpoint in a heap of this many bytes at most. */
  static int unsavedPagesKb(long maxHeapBytes) {
    return (int) Math.min(UNSAVED_PAGES_KB, maxHeapBytes / 8 / 1024);
  }

  private final WriteAheadLog log;
  private final DurableCommits durable;
  private final LogCheckpoints checkpoints;

  private TunedH2Backend(MVStore store, WriteAheadLog log, long checkpointMillis) {
    super(store);
    this.log = log;
    this.durable = new DurableCommits(log::force);
    this.checkpoints = new LogCheckpoints(store, log, checkpointMillis);
  }

  /**
   * Opens (creating when missing) the store file and its log ({@code NAME.wal} beside {@code NAME.mv.db}),
   * migrating an older file's index order once and replaying what the log holds past the file's last checkpoint;
   * up to this many megabytes of its pages are kept in memory.
   */
  public static TunedH2Backend open(String fileName, int cacheMegabytes) {
    return open(fileName, cacheMegabytes, LogCheckpoints.INTERVAL_MILLIS);
  }

  /** With checkpoints this far apart: tests replay what a store killed between two of them leaves. */
  static TunedH2Backend open(String fileName, int cacheMegabytes, long checkpointMillis) {
    ChunkBufferStore file = ChunkBufferStore.open(fileName, cacheMegabytes);
    MVStore store = new MVStore.Builder().adoptFileStore(file)
        .autoCommitBufferSize(unsavedPagesKb(Runtime.getRuntime().maxMemory()))
        .open();
    // H2's own background commits come no more often than the checkpoints (its default is the same second).
    store.setAutoCommitDelay((int) Math.min(checkpointMillis, Integer.MAX_VALUE));
    WriteAheadLog log = null;
    TunedH2Backend backend = null;
    try {
      KeyOrderMigration.prepare(store);
      Path folder = logFolder(fileName);
      boolean crashed = !LogCheckpoints.closedCleanly(store);
      LogReplay replay = LogReplay.read(folder, LogCheckpoints.replayFrom(store));
      replay.restoreInto(store);
      log = WriteAheadLog.open(folder, replay.nextStart());
      file.attach(log);
      backend = new TunedH2Backend(store, log, checkpointMillis);
      if (crashed || !replay.isEmpty()) {
        replay.complete(backend);
      }
      backend.checkpoints.markOpen();
      backend.checkpoints.checkpoint();
      backend.checkpoints.start();
      return backend;
    } catch (RuntimeException e) {
      if (backend != null) {
        backend.durable.close();
      }
      if (log != null) {
        log.close();
      }
      store.closeImmediately();
      throw e;
    }
  }

  /** The folder of a store file's log: {@code NAME.wal} beside {@code NAME.mv.db}. */
  static Path logFolder(String fileName) {
    return Path.of(fileName.replaceFirst("\\.mv\\.db$", "") + ".wal");
  }

  /**
   * A durable write is answered once a commit has put it on the disk, even when it failed part way (its answer
   * says what was written). Without a connection to hold the answer on, the command waits for the commit.
   */
  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    boolean durableWrite = DurableCommits.asked(query);
    try {
      Document answer = super.handleCommand(channel, databaseName, command, query);
      if (SCHEMA_COMMANDS.contains(command)) {
        checkpoints.checkpoint();
      }
      return answer;
    } finally {
      if (durableWrite) {
        holdUntilDurable(channel);
      }
    }
  }

  private void holdUntilDurable(Channel channel) {
    long ticket = durable.ticket();
    if (channel != null) {
      DurableReplies.holdNextReply(channel, durable, ticket);
    } else {
      awaitDurable(ticket);
    }
  }

  private void awaitDurable(long ticket) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    durable.whenDurable(ticket, done::complete);
    if (!done.join()) {
      throw new IllegalStateException("the store could not write its file");
    }
  }

  /** Writes a last checkpoint, so that the next open has nothing to replay. */
  @Override
  public void close() {
    durable.close();
    checkpoints.close();
    try {
      checkpoints.markClosed();
      checkpoints.checkpoint();
    } catch (RuntimeException e) {
      LOG.warn("the store's last checkpoint failed; its log is replayed when it opens again", e);
    }
    ((ChunkBufferStore) getMvStore().getFileStore()).attach(null);
    log.close();
    super.close();
  }

  /** The commits made for durable writes so far, and the durable writes answered: for tests and measurements. */
  public long durableCommits() {
    return durable.commits();
  }

  public long durableWrites() {
    return durable.asked();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new TunedDatabase(databaseName);
  }

  /**
   * An inner class on purpose: the superclass constructor already opens indexes (a new database creates its
   * first ones), and javac sets the reference to the enclosing backend before that constructor runs, so the
   * store is reachable there, unlike a field of this class.
   */
  private final class TunedDatabase extends H2Database {

    TunedDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      MVMap<String, Object> metaMap = getMvStore().openMap("meta." + getFullCollectionNamespace(collectionName));
      return new ExactKeyCollection(this, collectionName, options, documents(collectionName), metaMap,
          cursorRegistry, ((ChunkBufferStore) getMvStore().getFileStore()).log());
    }

    private MVMap<Object, StoredDocument> documents(String collectionName) {
      return StoredCollection.openDocuments(getMvStore(),
          StoredCollection.documentsMapName(getFullCollectionNamespace(collectionName)));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      String mapName = KeyOrderMigration.indexMapName(getFullCollectionNamespace(collectionName), indexName);
      if (DataKeyIndex.isPrimary(keys) && !sparse) {
        DataKeyIndex.dropOldMap(getMvStore(), mapName);
        return new DataKeyIndex(indexName, keys, documents(collectionName));
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      MVMap<KeyValue, Object> map = (MVMap) KeyOrderMigration.openIndexMap(getMvStore(), mapName);
      return new StoredUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return new SecondaryIndex(indexName, keys, sparse);
    }
  }
}
