package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A page of a room's history of top-level messages, ascending by seq: {@code {roomId, before?, after?, limit?}}.
 * Without {@code before} or {@code after}, the newest; {@code limit} defaults to 50 and is at most 100, and counts
 * top-level messages only (replies are their thread's).
 */
public record HistoryQuery(String roomId, Long before, Long after, Integer limit) {

  public static final Codec<HistoryQuery> CODEC = Codec.of(HistoryQuery::toJson, HistoryQuery::parse);

  public int pageSize() {
    return PageBounds.pageSize(limit);
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
    PageBounds page = PageBounds.read(fields);
    fields.throwIfInvalid();
    return new HistoryQuery(ChatIds.room(json.getValue("roomId")), page.before(), page.after(), page.limit());
  }

  /** The page a query's parameters ({@code {before?, after?, limit?}}, already numbers) ask of the room of a path. */
  public static HistoryQuery parse(String roomId, JsonObject params) {
    return parse(params.copy().put("roomId", roomId));
  }
}
