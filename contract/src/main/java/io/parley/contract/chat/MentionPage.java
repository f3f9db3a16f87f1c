package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Messages that mention the actor, newest first, each with its room: {@code {mentions:[{message, room}],
 * hasMore}}. The next page is asked {@code before} the last message's id.
 */
public record MentionPage(List<Mention> mentions, boolean hasMore) {

  public static final Codec<MentionPage> CODEC = Codec.of(MentionPage::toJson, MentionPage::fromJson);

  /** One message that mentions the actor, and the room it is in. */
  public record Mention(Message message, RoomSummary room) {

    public JsonObject toJson() {
      return new JsonObject().put("message", message.toJson()).put("room", room.toJson());
    }

    public static Mention fromJson(JsonObject json) {
      return new Mention(Message.fromJson(json.getJsonObject("message")),
          RoomSummary.fromJson(json.getJsonObject("room")));
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("mentions", JsonValues.encodeAll(mentions, Mention::toJson)).put("hasMore", hasMore);
  }

  public static MentionPage fromJson(JsonObject json) {
    return new MentionPage(JsonValues.decodeAll(json.getJsonArray("mentions"), Mention::fromJson),
        json.getBoolean("hasMore", false));
  }
}
