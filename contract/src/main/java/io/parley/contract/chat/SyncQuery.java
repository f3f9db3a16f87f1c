package io.parley.contract.chat;

import io.parley.contract.Ids;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resuming after a reconnect: {@code {rooms:{roomId: lastVersion}}}, the last version the client saw of each room,
 * at most {@value #MAX_ROOMS} rooms.
 */
public record SyncQuery(Map<String, Long> rooms) {

  public static final int MAX_ROOMS = 1000;

  public static final Codec<SyncQuery> CODEC = Codec.of(SyncQuery::toJson, SyncQuery::parse);

  public JsonObject toJson() {
    JsonObject asked = new JsonObject();
    rooms.forEach(asked::put);
    return new JsonObject().put("rooms", asked);
  }

  /** Room ids that cannot be ids and versions that are not whole and non-negative are refused, not skipped. */
  public static SyncQuery parse(JsonObject json) {
    if (!(json.getValue("rooms") instanceof JsonObject asked)) {
      throw ServiceError.invalid("rooms", "must be an object of roomId to version");
    }
    Map<String, Long> rooms = new LinkedHashMap<>();
    boolean wellFormed = asked.size() <= MAX_ROOMS;
    for (Map.Entry<String, Object> entry : asked) {
      if (!Ids.looksValid(entry.getKey()) || !(entry.getValue() instanceof Number n) || n.longValue() < 0
          || n.doubleValue() != Math.floor(n.doubleValue())) {
        wellFormed = false;
      } else {
        rooms.put(entry.getKey(), n.longValue());
      }
    }
    if (!wellFormed) {
      throw ServiceError.invalid("rooms", "must map at most " + MAX_ROOMS + " room ids to whole, non-negative "
          + "versions");
    }
    return new SyncQuery(rooms);
  }
}
