package io.parley.contract.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A search request through its codec: what travels comes back equal, and every bad filter is refused by name. */
class SearchQueryTest {

  private static final String ID = "aaaaaaaaaaaaaaaaaaaa";

  @Test
  void aQueryComesBackEqualFromItsJson() {
    SearchQuery full = new SearchQuery("deplo \"on friday\"", ID, "bbbbbbbbbbbbbbbbbbbb",
        Instant.parse("2024-05-02T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"), 7,
        new SearchCursor(1_714_000_000_123L, ID + "-0000000042"));
    assertEquals(full, SearchQuery.CODEC.decode().apply(SearchQuery.CODEC.encode().apply(full)));
    assertEquals(SearchQuery.of("x"), SearchQuery.parse(SearchQuery.of("x").toJson()));
  }

  @Test
  void defaultsAndTrimming() {
    SearchQuery query = SearchQuery.parse(new JsonObject().put("q", "  hello  "));
    assertEquals("hello", query.q());
    assertEquals(SearchQuery.DEFAULT_LIMIT, query.limit());
    assertNull(query.cursor());
  }

  @Test
  void timesMayBeInstantsWithAnOffsetOrPlainDates() {
    SearchQuery query = SearchQuery.parse(new JsonObject().put("q", "x")
        .put("after", "2024-05-01").put("before", "2024-05-01T12:00:00+02:00"));
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"), query.after());
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), query.before());
  }

  @Test
  void anEmptyOrBlankOrMissingQueryIsRefused() {
    assertEquals(List.of("q"), fields(new JsonObject()));
    assertEquals(List.of("q"), fields(new JsonObject().put("q", "")));
    assertEquals(List.of("q"), fields(new JsonObject().put("q", "   ")));
    assertEquals(List.of("q"), fields(new JsonObject().put("q", "x".repeat(SearchQuery.QUERY_MAX_CHARS + 1))));
    assertEquals(List.of("q"), fields(new JsonObject().put("q", new JsonObject().put("$ne", null))));
  }

  @Test
  void everyBadFilterIsNamed() {
    JsonObject bad = new JsonObject().put("q", "x").put("roomId", "../etc").put("from", 42)
        .put("before", "yesterday").put("after", "2024-13-45").put("limit", 101).put("cursor", "!!!");
    assertEquals(List.of("roomId", "from", "before", "after", "limit", "cursor"), fields(bad));
    assertEquals(List.of("limit"), fields(new JsonObject().put("q", "x").put("limit", 0)));
    assertEquals(List.of("limit"), fields(new JsonObject().put("q", "x").put("limit", "5")));
    assertEquals(List.of("after"), fields(new JsonObject().put("q", "x")
        .put("after", "2024-05-02T00:00:00Z").put("before", "2024-05-01T00:00:00Z")));
  }

  @Test
  void aCursorIsOnlyWhatAnAnswerGave() {
    SearchCursor cursor = new SearchCursor(5, ID + "-0000000001");
    assertEquals(cursor, SearchCursor.fromToken(cursor.token()));
    assertNull(SearchCursor.fromToken("bm90LWEtY3Vyc29y"));
    assertNull(SearchCursor.fromToken("%%%"));
    assertNull(SearchCursor.fromToken(new SearchCursor(5, "a b").token()));
  }

  private static List<String> fields(JsonObject request) {
    ServiceError error = assertThrows(ServiceError.class, () -> SearchQuery.parse(request));
    assertEquals(ErrorCode.INVALID_INPUT, error.code());
    return error.errors().stream().map(FieldError::field).toList();
  }
}
