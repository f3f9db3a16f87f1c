package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What an index lookup may take from a query: a value matched by equality alone, never an operator or pattern. */
final class PlainValues {

  private static final String IN = "$in";

  private PlainValues() {
  }

  /**
   * The values a query gives a key by equality: one value, or an {@code $in} list of them, each accepted by
   * {@code accepted}; null for anything else (another operator, or a value not accepted).
   */
  static List<Object> pinned(Object queried, Predicate<Object> accepted) {
    if (queried instanceof Document document) {
      if (document.size() != 1 || !(document.get(IN) instanceof Collection<?> listed)) {
        return null;
      }
      List<Object> values = new ArrayList<>(listed.size());
      for (Object value : listed) {
        if (!accepted.test(value)) {
          return null;
        }
        values.add(value);
      }
      return values;
    }
    return accepted.test(queried) ? List.of(queried) : null;
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
