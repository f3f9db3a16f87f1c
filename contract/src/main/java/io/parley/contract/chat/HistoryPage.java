package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A page of history, ascending by seq, and whether there is more beyond it in the direction it was asked. */
public record HistoryPage(List<Message> messages, boolean hasMore) {

  public static final Codec<HistoryPage> CODEC = Codec.of(HistoryPage::toJson, HistoryPage::fromJson);

  public JsonObject toJson() {
    return new JsonObject().put("messages", JsonValues.encodeAll(messages, Message::toJson)).put("hasMore", hasMore);
  }

  public static HistoryPage fromJson(JsonObject json) {
    return new HistoryPage(JsonValues.decodeAll(json.getJsonArray("messages"), Message::fromJson),
        json.getBoolean("hasMore", false));
  }
}
