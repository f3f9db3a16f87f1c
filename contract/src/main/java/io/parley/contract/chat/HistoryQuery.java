package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A page of a room's history, ascending by seq: {@code {roomId, before?, after?, limit?}}. Without {@code before}
 * or {@code after}, the newest; {@code limit} defaults to 50 and is at most 100.
 */
public record HistoryQuery(String roomId, Long before, Long after, Integer limit) {

  public static final Codec<HistoryQuery> CODEC = Codec.of(HistoryQuery::toJson, HistoryQuery::parse);

  public int pageSize() {
    return limit == null ? Limits.HISTORY_DEFAULT : limit;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("roomId", roomId);
    JsonValues.putIfPresent(json, "before", before);
    JsonValues.putIfPresent(json, "after", after);
    return JsonValues.putIfPresent(json, "limit", limit);
  }

  /** The page's rules first ({@code invalid_input} listing each), then the room. */
  public static HistoryQuery parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Long before = fields.optionalLong("before", 1, Long.MAX_VALUE);
    Long after = fields.optionalLong("after", 0, Long.MAX_VALUE - Limits.HISTORY_MAX);
    Long limit = fields.optionalLong("limit", 1, Limits.HISTORY_MAX);
    if (before != null && after != null) {
      fields.reject("before", "cannot be combined with after");
    }
    fields.throwIfInvalid();
    return new HistoryQuery(ChatIds.room(json.getValue("roomId")), before, after,
        limit == null ? null : limit.intValue());
  }

  /** The page a query's parameters ({@code {before?, after?, limit?}}, already numbers) ask of the room of a path. */
  public static HistoryQuery parse(String roomId, JsonObject params) {
    return parse(params.copy().put("roomId", roomId));
  }
}
