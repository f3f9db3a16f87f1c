package io.parley.search.chat;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.chat.ChangesQuery;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.RoomVersion;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.chat.TimelineChanged;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;

/**
 * chat-service over the event bus: its change log ({@code ChangeLogService}), the rooms each caller may read,
 * and the changes of its {@link ChatOperations#TIMELINE_CHANGED} notices, one by one.
 */
public final class BusChatSource implements ChatSource {

  private final BusClient bus;
  private final ChatClient chat;

  public BusChatSource(Vertx vertx) {
    this.bus = new BusClient(vertx.eventBus());
    this.chat = new ChatClient(bus);
  }

  @Override
  public Future<List<RoomVersion>> roomVersions() {
    return chat.roomVersions();
  }

  @Override
  public Future<SyncedRoom> changesAfter(String roomId, long version) {
    return chat.changes(new ChangesQuery(roomId, version));
  }

  @Override
  public Future<List<RoomSummary>> readableRooms(Actor actor) {
    return chat.readable(actor);
  }

  @Override
  public Future<Void> listen(Consumer<TimelineChanged> handler) {
    // chat-service announces the changes it recorded together in one notice.
    return bus.listen(ChatOperations.TIMELINE_CHANGED, notice -> notice.changes().forEach(handler)).completion();
  }
}
