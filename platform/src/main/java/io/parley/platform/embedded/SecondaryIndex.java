package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-unique index of the embedded store, which mongo-java-server otherwise accepts and ignores, so that a
 * query such as {@code memberships {userId: u}} read and deserialized every document of the collection. It is
 * kept in memory, built from the collection's documents when the store opens it (the library fills an empty
 * index it adds), and answers a query that gives each of its keys one plain value or an {@code $in} list of them;
 * the collection checks the whole query on the documents it names. A key's positions (the documents' {@code _id})
 * are kept sorted as MongoDB orders values.
 */
final class SecondaryIndex extends Index<Object> {

  private static final String ID = "_id";

  private final Map<KeyValue, NavigableSet<Object>> positions = new HashMap<>();
  /** False for an index on a positional path, which answers no query (a scan does). */
  private final boolean servesLookups;
  private long entries;

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.servesLookups = keys().stream().allMatch(PlainValues::isIndexablePath);
  }

  /** The positions a query's values for this index's keys name, or null when the query does not pin them all. */
  synchronized List<Object> positionsFor(Document query) {
    if (!servesLookups) {
      return null;
    }
    List<List<Object>> valuesPerKey = new ArrayList<>();
    for (String key : keys()) {
      List<Object> values = PlainValues.pinned(query.get(key), PlainValues::isPlain);
      if (values == null) {
        return null;
      }
      valuesPerKey.add(values);
    }
    NavigableSet<Object> found = new TreeSet<>(ValueComparator.asc());
    for (KeyValue keyValue : combinations(valuesPerKey)) {
      NavigableSet<Object> atKey = positions.get(keyValue);
      if (atKey != null) {
        found.addAll(atKey);
      }
    }
    return new ArrayList<>(found);
  }


  private static List<KeyValue> combinations(List<List<Object>> valuesPerKey) {
    List<List<Object>> rows = List.of(List.of());
    for (List<Object> values : valuesPerKey) {
      List<List<Object>> longer = new ArrayList<>();
      for (List<Object> row : rows) {
        for (Object value : values) {
          List<Object> next = new ArrayList<>(row);
          next.add(value);
          longer.add(next);
        }
      }
      rows = longer;
    }
    return rows.stream().map(row -> new KeyValue(row).normalized()).toList();
  }

  @Override
  public boolean canHandle(Document query) {
    return servesLookups && query.keySet().equals(keySet())
        && keys().stream().allMatch(key -> PlainValues.pinned(query.get(key), PlainValues::isPlain) != null);
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    return positionsFor(query);
  }

  @Override
  public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
    Object stored = Missing.ofNullable(position);
    for (KeyValue keyValue : getKeyValues(document)) {
      if (positions.computeIfAbsent(keyValue, key -> new TreeSet<>(ValueComparator.asc())).add(stored)) {
        entries++;
      }
    }
  }

  /** Answers the document's position, which for this store is its {@code _id} as the {@code _id} index keeps it. */
  @Override
  public synchronized Object remove(Document document) {
    Object position = Missing.ofNullable(document.get(ID));
    for (KeyValue keyValue : getKeyValues(document)) {
      Set<Object> atKey = positions.get(keyValue);
      if (atKey != null && atKey.remove(position)) {
        entries--;
        if (atKey.isEmpty()) {
          positions.remove(keyValue);
        }
      }
    }
    return position;
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
      synchronized (this) {
        remove(oldDocument);
        add(newDocument, position, collection);
      }
    }
  }

  /** A non-unique index cannot tell one document's position from its keys alone. */
  @Override
  public Object getPosition(Document document) {
    return null;
  }

  /** Refuses, before anything is stored, a document the index could not key (arrays in two of its keys). */
  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    getKeyValues(document);
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    getKeyValues(newDocument);
  }

  @Override
  public synchronized long getCount() {
    return entries;
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public synchronized void drop() {
    positions.clear();
    entries = 0;
  }
}
