package io.parley.contract.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a top-level message with replies carries as {@code thread}: how many replies, when the latest came, and who
 * replied ({@code participants}, user ids in the order of their first reply).
 */
public record ThreadSummary(long replyCount, String lastReplyAt, List<String> participants) {

  public ThreadSummary {
    participants = participants == null ? List.of() : List.copyOf(participants);
  }

  public JsonObject toJson() {
    return new JsonObject().put("replyCount", replyCount).put("lastReplyAt", lastReplyAt)
        .put("participants", JsonValues.array(participants));
  }

  public static ThreadSummary fromJson(JsonObject json) {
    return json == null ? null : new ThreadSummary(json.getLong("replyCount", 0L), json.getString("lastReplyAt"),
        JsonValues.strings(json.getJsonArray("participants")));
  }
}
