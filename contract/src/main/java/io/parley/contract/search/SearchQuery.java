package io.parley.contract.search;

import io.parley.contract.Ids;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A search: {@code {q, roomId?, from?, before?, after?, limit?, cursor?}}. {@code q} holds words (each matching
 * whole words and words it begins) and {@code "quoted phrases"}; {@code from} is a sender's user id;
 * {@code before} and {@code after} are ISO-8601 times (or dates, meaning their start in UTC) bounding
 * {@code createdAt}, both exclusive; {@code limit} 1-100, default 20; {@code cursor} the {@code next} of the
 * previous page.
 */
public record SearchQuery(String q, String roomId, String from, Instant before, Instant after, int limit,
    SearchCursor cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int QUERY_MAX_CHARS = 256;
  private static final int TIME_MAX_CHARS = 64;

  public static final Codec<SearchQuery> CODEC = Codec.of(SearchQuery::toJson, SearchQuery::parse);

  /** The words of q anywhere the caller may read, newest first. */
  public static SearchQuery of(String q) {
    return new SearchQuery(q, null, null, null, null, DEFAULT_LIMIT, null);
  }

  public SearchQuery withCursor(SearchCursor next) {
    return new SearchQuery(q, roomId, from, before, after, limit, next);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("q", q).put("limit", limit);
    JsonValues.putIfPresent(json, "roomId", roomId);
    JsonValues.putIfPresent(json, "from", from);
    JsonValues.putIfPresent(json, "before", before == null ? null : before.toString());
    JsonValues.putIfPresent(json, "after", after == null ? null : after.toString());
    return JsonValues.putIfPresent(json, "cursor", cursor == null ? null : cursor.token());
  }

  /** Reads an untrusted search, refusing it with {@code invalid_input} listing every broken rule. */
  public static SearchQuery parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String q = fields.requiredString("q", 1, QUERY_MAX_CHARS);
    if (q != null && q.isBlank()) {
      fields.reject("q", "must not be blank");
    }
    String roomId = id(fields, "roomId", "is not a room id");
    String from = id(fields, "from", "is not a user id");
    Instant before = time(fields, "before");
    Instant after = time(fields, "after");
    if (before != null && after != null && !after.isBefore(before)) {
      fields.reject("after", "must be earlier than before");
    }
    Long limit = fields.optionalLong("limit", 1, MAX_LIMIT);
    String token = fields.optionalString("cursor", 1, SearchCursor.TOKEN_MAX_CHARS);
    SearchCursor cursor = token == null ? null : SearchCursor.fromToken(token);
    if (token != null && cursor == null) {
      fields.reject("cursor", "is not the next of an earlier answer");
    }
    fields.throwIfInvalid();
    return new SearchQuery(q.strip(), roomId, from, before, after, limit == null ? DEFAULT_LIMIT : limit.intValue(),
        cursor);
  }

  private static String id(RequestFields fields, String field, String problem) {
    String value = fields.optionalString(field, 1, TIME_MAX_CHARS);
    if (value != null && !Ids.looksValid(value)) {
      fields.reject(field, problem);
      return null;
    }
    return value;
  }

  private static Instant time(RequestFields fields, String field) {
    String value = fields.optionalString(field, 1, TIME_MAX_CHARS);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        fields.reject(field, "must be an ISO-8601 time such as 2024-05-01T12:00:00Z");
        return null;
      }
    }
  }
}
