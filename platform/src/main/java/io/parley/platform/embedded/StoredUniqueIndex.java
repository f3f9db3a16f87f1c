package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unique index of the embedded store, in its H2 map, as mongo-java-server's H2 backend keeps one (the same map,
 * the same entries), that can also be filled again from the collection's documents ({@link #refill}): the
 * log's replay sets documents without the library, and a crash may have caught an index mid-change.
 */
final class StoredUniqueIndex extends AbstractUniqueIndex<Object> {

  private static final Logger LOG = LoggerFactory.getLogger(StoredUniqueIndex.class);

  private final MVMap<KeyValue, Object> map;

  StoredUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
  }

  /** Empties the index and adds every document; one whose key another already holds is left out, and logged. */
  synchronized void refill(Stream<DocumentWithPosition<Object>> documents, MongoCollection<Object> collection) {
    map.clear();
    documents.forEach(document -> {
      try {
        add(document.getDocument(), document.getPosition(), collection);
      } catch (MongoServerError duplicate) {
        LOG.error("after the store's log was replayed, index {} refused document {}: {}", getName(),
            document.getPosition(), duplicate.getMessage());
      }
    });
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return map.remove(keyValue);
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Entry<KeyValue, Object>> getIterable() {
    return map.entrySet();
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return map.get(keyValue);
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
