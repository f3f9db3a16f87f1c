package io.parley.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's index maps. mongo-java-server keys an index by {@link KeyValue}, which is
 * not {@link Comparable}, so H2's default type compares two keys by Java-serializing both at every step of every
 * B-tree search: that was the hottest code in every Parley profile. This type orders keys the way MongoDB orders
 * values instead, element by element, and stores them exactly as the default type does, so the file format does
 * not change; only the order of existing index trees does, which {@link KeyOrderMigration} takes care of.
 */
final class IndexKeyType extends ObjectDataType {

  private static final ValueComparator VALUES = ValueComparator.asc();

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      int common = Math.min(left.size(), right.size());
      for (int i = 0; i < common; i++) {
        int order = VALUES.compare(left.get(i), right.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(left.size(), right.size());
    }
    return super.compare(a, b);
  }
}
