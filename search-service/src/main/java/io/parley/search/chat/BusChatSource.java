package io.parley.search.chat;

import io.parley.contract.Actor;
import io.parley.contract.Addresses;
import io.parley.contract.ServiceError;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/** chat-service over the event bus. */
public final class BusChatSource implements ChatSource {

  static final String ROOM_VERSIONS = "parley.chat.internal.room-versions";
  static final String CHANGES = "parley.chat.internal.changes";

  private final Vertx vertx;
  private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(BusClient.TIMEOUT_MS);

  public BusChatSource(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<List<RoomVersion>> roomVersions() {
    return request(ROOM_VERSIONS, new JsonObject()).map(reply -> JsonValues.decodeAll(reply.getJsonArray("rooms"),
        room -> new RoomVersion(room.getString("roomId"), room.getLong("version", 0L))));
  }

  @Override
  public Future<RoomChanges> changesAfter(String roomId, long version) {
    return request(CHANGES, new JsonObject().put("roomId", roomId).put("version", version)).map(reply ->
        new RoomChanges(roomId, reply.getLong("version"), reply.getBoolean("complete"),
            JsonValues.decodeAll(reply.getJsonArray("messages"), Message::fromJson)));
  }

  @Override
  public Future<List<RoomSummary>> readableRooms(Actor actor) {
    return request(Addresses.CHAT_ROOMS_LIST, new JsonObject().put("actor", actor.toJson()))
        .map(reply -> JsonValues.decodeAll(reply.getJsonArray("rooms"), RoomSummary::fromJson));
  }

  @Override
  public Future<Void> listen(Consumer<TimelineChange> handler) {
    return vertx.eventBus().<JsonObject>consumer(Addresses.CHAT_TIMELINE_CHANGED, notice -> {
      JsonObject body = notice.body();
      handler.accept(new TimelineChange(body.getString("roomId"), body.getLong("version"),
          Message.fromJson(body.getJsonObject("message"))));
    }).completion();
  }

  private Future<JsonObject> request(String address, JsonObject payload) {
    return vertx.eventBus().<JsonObject>request(address, payload, options).map(reply -> reply.body())
        .recover(failure -> Future.failedFuture(ServiceError.from(failure)));
  }
}
