package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

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

  /**
   * H2 rewrites a changed page whole, and a chat store changes pages all over its trees (each room's newest
   * messages and changes, every membership as read markers move): pages of 4 KB instead of H2's 16 KB make each
   * of those rewrites a quarter of the bytes.
   */
  private static final int PAGE_SPLIT_BYTES = 4096;

  private final DurableCommits durable;

  private TunedH2Backend(MVStore store) {
    super(store);
    this.durable = new DurableCommits(store);
  }

  /** Opens (creating when missing) the store file, migrating an older file's index order once. */
  public static TunedH2Backend open(String fileName) {
    MVStore store = new MVStore.Builder().adoptFileStore(ChunkBufferStore.open(fileName))
        .pageSplitSize(PAGE_SPLIT_BYTES).open();
    try {
      KeyOrderMigration.prepare(store);
      return new TunedH2Backend(store);
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  /**
   * A durable write is answered once a commit has put it on the disk, even when it failed part way (its answer
   * says what was written). Without a connection to hold the answer on, the command waits for the commit.
   */
  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    boolean durableWrite = DurableCommits.asked(query);
    try {
      return super.handleCommand(channel, databaseName, command, query);
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

  @Override
  public void close() {
    durable.close();
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
          cursorRegistry);
    }

    /** A collection's documents by {@code _id}: the map is opened once and shared by whoever opens it again. */
    private MVMap<Object, StoredDocument> documents(String collectionName) {
      return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
          new MVMap.Builder<Object, StoredDocument>().valueType(new DocumentValueType()));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      String mapName = KeyOrderMigration.indexMapName(getFullCollectionNamespace(collectionName), indexName);
      if (DataKeyIndex.isPrimary(keys) && !sparse) {
        DataKeyIndex.dropOldMap(getMvStore(), mapName);
        return new DataKeyIndex(indexName, keys, documents(collectionName));
      }
      KeyOrderMigration.openIndexMap(getMvStore(), mapName);
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      return new SecondaryIndex(indexName, keys, sparse);
    }
  }
}
