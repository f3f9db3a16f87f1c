package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection's {@code _id} index that is the collection's own tree. mongo-java-server's H2 backend keys each
 * collection's documents by their {@code _id} already, and kept a second tree from each {@code _id} to itself:
 * every insert wrote a page of both, and every lookup read both. This index writes nothing and looks ids up in the
 * documents' tree. It serves what the library's served: one id, or an {@code $in} list of them; any other query
 * on {@code _id} is left to a scan, as before.
 *
 * <p>A string or an ObjectId (all that Parley stores) is found in the tree by itself. An id of another type is
 * compared by value as MongoDB compares it ({@link #storedKey}), and queries for one are left to a scan, whose
 * matcher applies MongoDB's rules.
 */
final class DataKeyIndex extends Index<Object> {

  private static final Logger LOG = LoggerFactory.getLogger(DataKeyIndex.class);
  private static final String ID = "_id";

  private final MVMap<Object, ?> documents;

  DataKeyIndex(String name, List<IndexKey> keys, MVMap<Object, ?> documents) {
    super(name, keys, false);
    this.documents = documents;
  }

  /** Whether an index on these keys is a collection's primary one, which this class serves. */
  static boolean isPrimary(List<IndexKey> keys) {
    return keys.size() == 1 && ID.equals(keys.get(0).getKey());
  }

  /** Removes the tree a store file written before this index kept the collection's ids in, if it has one. */
  static void dropOldMap(MVStore store, String mapName) {
    if (store.hasMap(mapName)) {
      store.removeMap(mapName);
      LOG.info("removed {}: the documents' own tree serves the _id index", mapName);
    }
  }

  @Override
  public boolean isUnique() {
    return true;
  }

  @Override
  public Object getPosition(Document document) {
    return storedKey(document.get(ID));
  }

  /**
   * The key in the collection's tree of the document with this id, or null. The tree compares keys by type and
   * value; MongoDB compares ids by value alone (1, 1L and 1.0 are one id; so are documents of them), so an id
   * of any other type than a string or an ObjectId, which Parley never stores, is looked for among them all.
   */
  private Object storedKey(Object id) {
    Object key = Missing.ofNullable(id);
    if (documents.containsKey(key)) {
      return key;
    } else if (id == null || isExactKey(id)) {
      return null;
    }
    for (Object stored : documents.keySet()) {
      if (!(stored instanceof Missing) && !isExactKey(stored) && ValueComparator.asc().compare(stored, id) == 0) {
        return stored;
      }
    }
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    if (storedKey(document.get(ID)) != null) {
      throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(document.get(ID)));
    }
  }

  /** The collection has put the document in its tree under its id: nothing else to write. */
  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
  }

  /** The collection removes the document from its tree itself, at the position this answers. */
  @Override
  public Object remove(Document document) {
    return getPosition(document);
  }

  /** MongoDB refuses any change of a document's {@code _id}, before an index is asked. */
  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
  }

  @Override
  public boolean canHandle(Document query) {
    return query.size() == 1 && ids(query.get(ID)) != null;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    List<Object> found = new ArrayList<>();
    for (Object id : ids(query.get(ID))) {
      if (documents.containsKey(id)) {
        found.add(id);
      }
    }
    return found;
  }

  /** The ids a query value names, in MongoDB's order: one id, or an {@code $in} list; null for anything else. */
  private static Collection<Object> ids(Object value) {
    List<Object> pinned = PlainValues.pinned(value, DataKeyIndex::isExactKey);
    if (pinned == null) {
      return null;
    }
    Set<Object> ids = new TreeSet<>(ValueComparator.asc());
    ids.addAll(pinned);
    return ids;
  }

  private static boolean isExactKey(Object value) {
    return value instanceof String || value instanceof ObjectId;
  }

  @Override
  public long getCount() {
    return documents.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
  }
}
