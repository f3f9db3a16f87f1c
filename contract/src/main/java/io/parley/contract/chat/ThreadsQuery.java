package io.parley.contract.chat;

import io.parley.contract.Limits;
import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/** The threads the actor follows, latest reply first: {@code {limit?}}, as for history. */
public record ThreadsQuery(Integer limit) {

  public static final Codec<ThreadsQuery> CODEC = Codec.of(ThreadsQuery::toJson, ThreadsQuery::parse);

  public int pageSize() {
    return PageBounds.pageSize(limit);
  }

  public JsonObject toJson() {
    return JsonValues.putIfPresent(new JsonObject(), "limit", limit);
  }

  public static ThreadsQuery parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    Long limit = fields.optionalLong("limit", 1, Limits.HISTORY_MAX);
    fields.throwIfInvalid();
    return new ThreadsQuery(limit == null ? null : limit.intValue());
  }
}
