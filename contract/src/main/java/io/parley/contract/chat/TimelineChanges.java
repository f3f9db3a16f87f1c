package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The timeline changes one chat-service instance recorded together, in the order it recorded them. */
public record TimelineChanges(List<TimelineChanged> changes) {

  public static final Codec<TimelineChanges> CODEC = Codec.of(
      batch -> new JsonObject().put("changes",
          JsonValues.encodeAll(batch.changes(), TimelineChanged::toJson)),
      json -> new TimelineChanges(JsonValues.decodeAll(json.getJsonArray("changes"), TimelineChanged::fromJson)));
}
