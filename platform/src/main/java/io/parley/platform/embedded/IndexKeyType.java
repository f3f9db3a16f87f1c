package io.parley.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's index maps. mongo-java-server keys an index by {@link KeyValue}, which is
 * not {@link Comparable}, so H2's default type compares two keys by Java-serializing both at every step of every
 * B-tree search: that was the hottest code in every Parley profile. This type orders keys the way MongoDB orders
 * values instead, element by element (the order of existing index trees changed with it, which
 * {@link KeyOrderMigration} takes care of). A key is written as its elements behind a tag of its own, each as
 * the default type writes it, instead of as a Java-serialized object (class descriptors and all, for every key
 * of every index page written or read); keys written before are read as they were.
 */
class IndexKeyType extends ObjectDataType {

  /** Not one of ObjectDataType's tags (0-14, 19, 32-49, 64-119), nor DocumentValueType's. */
  static final byte KEY_VALUE = 126;
  private static final ValueComparator VALUES = ValueComparator.asc();

  /** MongoDB's order: strings and longs, nearly every key Parley has, compared directly, as ValueComparator would. */
  private static int compareValues(Object a, Object b) {
    if (a instanceof String left && b instanceof String right) {
      return left.compareTo(right);
    }
    if (a instanceof Long left && b instanceof Long right) {
      return Long.compare(left, right);
    }
    return VALUES.compare(a, b);
  }

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (value instanceof KeyValue key) {
      buffer.put(KEY_VALUE).putVarInt(key.size());
      key.forEach(element -> super.write(buffer, element));
      return;
    }
    super.write(buffer, value);
  }

  @Override
  public Object read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != KEY_VALUE) {
      return super.read(buffer);
    }
    buffer.get();
    Object[] elements = new Object[DataUtils.readVarInt(buffer)];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = super.read(buffer);
    }
    return new KeyValue(elements);
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof KeyValue key ? 48 + 40 * key.size() : super.getMemory(value);
  }

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      int common = Math.min(left.size(), right.size());
      for (int i = 0; i < common; i++) {
        int order = compareValues(left.get(i), right.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(left.size(), right.size());
    }
    return super.compare(a, b);
  }
}
