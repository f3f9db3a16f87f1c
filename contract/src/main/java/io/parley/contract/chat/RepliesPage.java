package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A page of a thread's replies, ascending by seq, whether there are more beyond it in the direction asked, and
 * the thread's top-level message ({@code root}) as it is now.
 */
public record RepliesPage(Message root, List<Message> messages, boolean hasMore) {

  public static final Codec<RepliesPage> CODEC = Codec.of(RepliesPage::toJson, RepliesPage::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("root", root.toJson())
        .put("messages", JsonValues.encodeAll(messages, Message::toJson)).put("hasMore", hasMore);
  }

  public static RepliesPage fromJson(JsonObject json) {
    return new RepliesPage(Message.fromJson(json.getJsonObject("root")),
        JsonValues.decodeAll(json.getJsonArray("messages"), Message::fromJson), json.getBoolean("hasMore", false));
  }
}
