package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A page of the messages that mention the actor, newest first: {@code {before?, limit?}}, {@code before} the id of
 * the last message of the page before (the oldest it showed); {@code limit} as for history.
 */
public record MentionsQuery(String before, Integer limit) {

  public static final Codec<MentionsQuery> CODEC = Codec.of(MentionsQuery::toJson, MentionsQuery::parse);

  public int pageSize() {
    return PageBounds.pageSize(limit);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    JsonValues.putIfPresent(json, "before", before);
    return JsonValues.putIfPresent(json, "limit", limit);
  }

  public static MentionsQuery parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    String before = fields.optionalString("before", 1, 64);
    Long limit = fields.optionalLong("limit", 1, Limits.HISTORY_MAX);
    fields.throwIfInvalid();
    return new MentionsQuery(before, limit == null ? null : limit.intValue());
  }
}
