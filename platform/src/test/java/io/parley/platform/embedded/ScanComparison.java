package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Queries on an embedded store's collection answered through its indexes, checked against a full scan. */
final class ScanComparison {

  private ScanComparison() {
  }

  /** The same query, once as the indexes answer it and once wrapped in {@code $and}, which forces a scan. */
  static void expectAsScan(MongoCollection<Object> collection, Document query, int expected) {
    List<String> indexed = ids(collection.handleQuery(query));
    List<String> scanned = ids(collection.handleQuery(new Document("$and", List.of(query))));
    assertEquals(expected, scanned.size(), query.toString());
    assertEquals(scanned, indexed, query.toString());
  }

  @SuppressWarnings("unchecked")
  static MongoCollection<Object> collection(TunedH2Backend backend, String name) {
    return (MongoCollection<Object>) backend.resolveDatabase("parley").resolveCollection(name, true);
  }

  private static List<String> ids(Iterable<Document> found) {
    List<String> ids = new ArrayList<>();
    found.forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
    ids.sort(Comparator.naturalOrder());
    return ids;
  }
}
