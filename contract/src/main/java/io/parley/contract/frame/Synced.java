package io.parley.contract.frame;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** {@code synced}: the end of a {@code sync}, with the version each room is now at and whether more follow. */
public record Synced(Map<String, Point> rooms) implements ServerFrame {

  /** Where a room's sync reached; with {@code complete:false} the client syncs again from {@code version}. */
  public record Point(long version, boolean complete) {
  }

  @Override
  public String type() {
    return FrameTypes.SYNCED;
  }

  @Override
  public JsonObject fields() {
    JsonObject reached = new JsonObject();
    rooms.forEach((roomId, point) -> reached.put(roomId,
        new JsonObject().put("version", point.version()).put("complete", point.complete())));
    return new JsonObject().put("rooms", reached);
  }
}
