package io.parley.chat.events;

import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatOperations;
import io.parley.contract.chat.RoomAccessChanged;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one hook that every change of who may be in a room goes through, so that what chat-service instances
 * cache of rooms and memberships follows: the stores that make such changes call it once the change is stored
 * ({@code MembershipStore} for every membership written or removed: join, leave, invite, removal; {@code
 * RoomStore} for a room deleted or changed). This instance's listeners hear it at once, before the change is
 * answered; the other instances hear {@link ChatOperations#ROOM_ACCESS_CHANGED} within milliseconds.
 */
public final class AccessChanges {

  private final BusClient bus;
  private final BusEndpoints notices;
  private final List<Consumer<RoomAccessChanged>> listeners = new ArrayList<>();

  public AccessChanges(EventBus eventBus) {
    this.bus = new BusClient(eventBus);
    this.notices = new BusEndpoints(eventBus).listen(ChatOperations.ROOM_ACCESS_CHANGED, this::tell);
  }

  /** Completes once other instances' changes are heard, cluster-wide. */
  public Future<Void> ready() {
    return notices.ready();
  }

  public void listen(Consumer<RoomAccessChanged> listener) {
    listeners.add(listener);
  }

  /** One user's membership of a room was written or removed. */
  public void member(String roomId, String userId) {
    changed(new RoomAccessChanged(roomId, userId));
  }

  /** A room as a whole changed: deleted, or its settings. */
  public void room(String roomId) {
    changed(RoomAccessChanged.room(roomId));
  }

  private void changed(RoomAccessChanged change) {
    tell(change);
    bus.publish(ChatOperations.ROOM_ACCESS_CHANGED, change);
  }

  private void tell(RoomAccessChanged change) {
    listeners.forEach(listener -> listener.accept(change));
  }
}
