package io.parley.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens every index map of an embedded store file with {@link IndexKeyType} before mongo-java-server opens it
 * (an open map is shared, so the library then uses it as it is). A file written before that type existed has
 * its index trees in the old order; those are rebuilt once, in the new order, and the file is marked so this
 * happens only once.
 */
final class KeyOrderMigration {

  private static final Logger LOG = LoggerFactory.getLogger(KeyOrderMigration.class);
  static final String MARKER_MAP = "parley.store";
  static final String KEY_ORDER = "indexKeyOrder";
  static final String CURRENT_ORDER = "mongo-values-v1";
  private static final String INDEX_MAP_INFIX = "._index_";
  private static final String PRIMARY_INDEX = "_id_";

  private KeyOrderMigration() {
  }

  /** The map mongo-java-server's H2 backend keeps an index in. */
  static String indexMapName(String fullCollectionName, String indexName) {
    return fullCollectionName + INDEX_MAP_INFIX + indexName;
  }

  static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
    return store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
  }

  /** An index tree of the library's, other than an {@code _id} index's, which {@link DataKeyIndex} replaced. */
  static boolean isIndexMap(String name) {
    return !name.startsWith("databases.") && !name.startsWith("meta.") && name.contains(INDEX_MAP_INFIX)
        && !name.endsWith(INDEX_MAP_INFIX + PRIMARY_INDEX);
  }

  static void prepare(MVStore store) {
    MVMap<String, String> marker = store.openMap(MARKER_MAP);
    boolean ordered = CURRENT_ORDER.equals(marker.get(KEY_ORDER));
    List<String> indexMaps = store.getMapNames().stream().filter(KeyOrderMigration::isIndexMap).toList();
    for (String name : indexMaps) {
      MVMap<Object, Object> map = openIndexMap(store, name);
      if (!ordered) {
        rebuild(name, map);
      }
    }
    if (!ordered) {
      marker.put(KEY_ORDER, CURRENT_ORDER);
      store.commit();
    }
  }

  /** Reads the entries in stored order (no comparison needed) and writes them back in the new order. */
  private static void rebuild(String name, MVMap<Object, Object> map) {
    List<Map.Entry<Object, Object>> entries = new ArrayList<>();
    var cursor = map.cursor(null);
    while (cursor.hasNext()) {
      Object key = cursor.next();
      entries.add(Map.entry(key, cursor.getValue()));
    }
    map.clear();
    entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
    LOG.info("rebuilt index {} in MongoDB value order ({} keys)", name, entries.size());
  }
}
