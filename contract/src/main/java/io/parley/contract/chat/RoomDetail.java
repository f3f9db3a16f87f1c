package io.parley.contract.chat;

import io.parley.contract.bus.Codec;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Member;
import io.parley.contract.model.Room;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A room as one who may read it sees it, with its {@code members}, each saying whether they are online. */
public record RoomDetail(Room room, List<Member> members) {

  public static final Codec<RoomDetail> CODEC = Codec.of(RoomDetail::toJson, RoomDetail::fromJson);

  public JsonObject toJson() {
    return room.toJson().put("members", JsonValues.encodeAll(members, Member::toJson));
  }

  public static RoomDetail fromJson(JsonObject json) {
    return new RoomDetail(Room.fromJson(json), JsonValues.decodeAll(json.getJsonArray("members"), Member::fromJson));
  }
}
