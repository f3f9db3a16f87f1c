package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store that looks a document up by a unique index whenever the query pins every
 * key of that index to one value, whatever else it asks. mongo-java-server uses an index only for a query with
 * exactly the index's fields, so a compare-and-set such as {@code {_id: room, version: 7}} read and
 * deserialized every document of the collection; now it reads one, and the rest of the query is checked on it.
 * A query that pins the keys of a {@link SecondaryIndex} among others reads the documents that index names.
 */
final class ExactKeyCollection extends StoredCollection {

  ExactKeyCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, StoredDocument> documents, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
      WriteAheadLog log) {
    super(database, collectionName, options, documents, metaMap, cursorRegistry, log);
  }

  /**
   * The library would keep each collection's size in bytes for {@code collStats}, which Parley never asks for,
   * by encoding every document it inserts, changes or removes once more to measure it, and rewriting the
   * collection's metadata on every write.
   */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
      Document fieldSelector) {
    if (query.size() > 1) {
      // The pinned keys are a conjunct of the query, so the documents they find are the only candidates.
      for (Index<Object> index : getIndexes()) {
        Document pinned = index.isUnique() ? pinnedKeys(index, query) : null;
        if (pinned != null && index.canHandle(pinned)) {
          return matchDocuments(query, index.getPositions(pinned), orderBy, numberToSkip, limit, batchSize,
              fieldSelector);
        }
      }
      for (Index<Object> index : getIndexes()) {
        List<Object> positions = index instanceof SecondaryIndex secondary ? secondary.positionsFor(query) : null;
        if (positions != null) {
          return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
      }
    }
    return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /**
   * The library checks every document an index found against the whole query again, and checks {@code $in} by
   * comparing the document's value with each of the list's in turn: for the change log's pages of up to 2,000 ids
   * that was 4 million comparisons a page. The documents' own tree finds exactly the ids of a list of plain ids
   * ({@link DataKeyIndex}), so such a query checks nothing again; sorting, skipping, limits and fields apply.
   */
  @Override
  protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
      int limit, int batchSize, Document fieldSelector) {
    Document rest = isIdList(query) ? new Document() : query;
    return super.matchDocuments(rest, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  private static boolean isIdList(Document query) {
    return query.size() == 1 && query.get("_id") instanceof Document condition && condition.size() == 1
        && condition.get("$in") instanceof Collection<?> ids && ids.stream().allMatch(String.class::isInstance);
  }

  /** The index's keys with the plain values the query gives them, or null when a key is missing or not plain. */
  private static Document pinnedKeys(Index<Object> index, Document query) {
    Document pinned = new Document();
    for (IndexKey key : index.getKeys()) {
      Object value = query.get(key.getKey());
      if (!PlainValues.isPlain(value)) {
        return null;
      }
      pinned.put(key.getKey(), value);
    }
    return pinned;
  }
}
