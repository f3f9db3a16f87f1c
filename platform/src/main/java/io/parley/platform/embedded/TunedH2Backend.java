package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made fit for Parley's load: every index map is keyed by {@link IndexKeyType}
 * (existing ones are opened with it before the backend starts, by {@link KeyOrderMigration}; a database opens
 * each new one with it before the library asks for the map by name), and every collection is an
 * {@link ExactKeyCollection}, which uses a unique index for any query that pins its keys, and stores its
 * documents as BSON ({@link DocumentValueType}), encoding a document once until it changes
 * ({@link EncodedDocuments}). A collection's {@code _id} index is its documents' own tree ({@link DataKeyIndex}).
 * Non-unique indexes, which the library ignores, are kept in memory ({@link SecondaryIndex}). The file keeps the
 * buffers its chunks are written from ({@link ChunkBufferStore}).
 */
public final class TunedH2Backend extends H2Backend {

  /**
   * H2 rewrites a changed page whole, and a chat store changes pages all over its trees (each room's newest
   * messages and changes, every membership as read markers move): pages of 4 KB instead of H2's 16 KB make each
   * of those rewrites a quarter of the bytes.
   */
  private static final int PAGE_SPLIT_BYTES = 4096;
  /**
   * The BSON of up to 2^17 small documents (at most 16 MB) kept for page writes, the documents of the pages
   * written lately: enough for those of every page a busy store writes each second (every membership's, as read
   * markers move, and the newest of each active room's messages and changes). One table
   * for the process (documents are told apart by identity): the superclass opens a file's collections before any
   * field of this class is set.
   */
  private static final EncodedDocuments ENCODED = new EncodedDocuments(17, 16L * 1024 * 1024);

  private TunedH2Backend(MVStore store) {
    super(store);
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
          cursorRegistry, ENCODED);
    }

    /** A collection's documents by {@code _id}: the map is opened once and shared by whoever opens it again. */
    private MVMap<Object, Document> documents(String collectionName) {
      return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
          new MVMap.Builder<Object, Document>().valueType(new DocumentValueType(ENCODED)));
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
