package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection of the embedded store, keyed by {@code _id} in H2, whose documents are held as BSON
 * ({@link StoredDocument}): what mongo-java-server's H2 collection does, except that a document is encoded as it
 * is stored and decoded as it is read. The library changes the documents a query answered in place and then
 * hands them back to be stored; here those are decoded copies, so nothing stored changes until then.
 */
class StoredCollection extends AbstractSynchronizedMongoCollection<Object> {

  private static final String DATA_SIZE_KEY = "dataSize";

  private final MVMap<Object, StoredDocument> documents;
  private final MVMap<String, Object> metaMap;
  private final WriteAheadLog log;

  StoredCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, StoredDocument> documents, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
      WriteAheadLog log) {
    super(database, collectionName, options, cursorRegistry);
    this.documents = documents;
    this.metaMap = metaMap;
    this.log = log;
    metaMap.putIfAbsent(DATA_SIZE_KEY, 0L);
  }

  /** The name of the map holding a collection's documents, by the collection's full name. */
  static String documentsMapName(String namespace) {
    return "databases." + namespace;
  }

  /** A collection's documents by {@code _id}: the map is opened once and shared by whoever opens it again. */
  static MVMap<Object, StoredDocument> openDocuments(MVStore store, String mapName) {
    return store.openMap(mapName, new MVMap.Builder<Object, StoredDocument>().valueType(new DocumentValueType()));
  }

  @Override
  protected void updateDataSize(int sizeDelta) {
    synchronized (metaMap) {
      metaMap.put(DATA_SIZE_KEY, ((Number) metaMap.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
    }
  }

  @Override
  protected int getDataSize() {
    return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
    StoredDocument stored = StoredDocument.of(document);
    byte[] record = LogRecord.put(getFullName(), Missing.ofNullable(key), stored);
    StoredDocument previous = documents.putIfAbsent(Missing.ofNullable(key), stored);
    if (previous != null) {
      // The unique _id index refuses a stored id before this; reaching here is a bug, and nothing was written.
      throw new DuplicateKeyError(this, "document with _id " + key + " already stored");
    }
    log.append(record);
    return key;
  }

  @Override
  public int count() {
    return documents.size();
  }

  @Override
  public boolean isEmpty() {
    return documents.isEmpty();
  }

  @Override
  protected Document getDocument(Object position) {
    StoredDocument stored = documents.get(position);
    return stored == null ? null : stored.document();
  }

  @Override
  protected void removeDocument(Object position) {
    byte[] record = LogRecord.removal(getFullName(), position);
    if (documents.remove(position) == null) {
      throw new NoSuchElementException("No document with key " + position);
    }
    log.append(record);
  }

  @Override
  protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
    return documents.entrySet().stream()
        .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
  }

  @Override
  protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
      Document fieldSelector) {
    Stream<Document> stream = isNaturalDescending(orderBy)
        ? streamAllDocumentsWithPosition()
            .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
            .map(DocumentWithPosition::getDocument)
        : documents.values().stream().map(StoredDocument::document);
    return matchDocumentsFromStream(stream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /**
   * The library has moved the indexes to the new document's values by now: one that cannot be stored moves them
   * back before the refusal goes out, so that nothing of the update stays.
   */
  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    StoredDocument stored;
    byte[] record;
    try {
      stored = StoredDocument.of(newDocument);
      record = LogRecord.put(getFullName(), Missing.ofNullable(position), stored);
    } catch (RuntimeException unstorable) {
      for (Index<Object> index : getIndexes()) {
        index.updateInPlace(newDocument, oldDocument, position, this);
      }
      throw unstorable;
    }
    documents.put(Missing.ofNullable(position), stored);
    log.append(record);
  }

  /**
   * Fills this collection's unique indexes again from its documents, after the log's replay set documents
   * directly (or a crash left an index mid-change).
   */
  void rebuildUniqueIndexes() {
    for (Index<Object> index : getIndexes()) {
      if (index instanceof StoredUniqueIndex unique) {
        unique.refill(documents.entrySet().stream()
            .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey())), this);
      }
    }
  }
}
