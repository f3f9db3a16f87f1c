package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;

/** What an index lookup may take from a query: a value matched by equality alone, never an operator or pattern. */
final class PlainValues {

  private PlainValues() {
  }

  static boolean isPlain(Object value) {
    return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
        && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value)
        && !(value instanceof Object[]);
  }

  /**
   * Whether an index key can serve lookups: not a positional path such as {@code tags.0}, which the library's
   * index keys do not follow into arrays the way its matcher does.
   */
  static boolean isIndexablePath(String key) {
    return Arrays.stream(key.split("\\.")).noneMatch(PlainValues::isArrayPosition);
  }

  private static boolean isArrayPosition(String part) {
    return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
  }
}
