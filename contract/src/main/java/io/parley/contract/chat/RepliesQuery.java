package io.parley.contract.chat;

import io.parley.contract.RequestFields;
import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;

/**
 * A page of a thread's replies, ascending by seq: {@code {messageId, before?, after?, limit?}}, the thread named by
 * its top-level message. Paged as history is: without {@code before} or {@code after}, the newest replies.
 */
public record RepliesQuery(String messageId, Long before, Long after, Integer limit) {

  public static final Codec<RepliesQuery> CODEC = Codec.of(RepliesQuery::toJson, RepliesQuery::parse);

  public int pageSize() {
    return PageBounds.pageSize(limit);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("messageId", messageId);
    JsonValues.putIfPresent(json, "before", before);
    JsonValues.putIfPresent(json, "after", after);
    return JsonValues.putIfPresent(json, "limit", limit);
  }

  /** The page's rules first ({@code invalid_input} listing each), then the message id. */
  public static RepliesQuery parse(JsonObject json) {
    RequestFields fields = RequestFields.of(json);
    PageBounds page = PageBounds.read(fields);
    fields.throwIfInvalid();
    return new RepliesQuery(ChatIds.message(json.getValue("messageId")), page.before(), page.after(), page.limit());
  }

  /** The page a query's parameters (already numbers) ask of the thread of the message of a path. */
  public static RepliesQuery parse(String messageId, JsonObject params) {
    return parse(params.copy().put("messageId", messageId));
  }
}
