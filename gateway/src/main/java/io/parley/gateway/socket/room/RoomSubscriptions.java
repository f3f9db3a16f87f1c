package io.parley.gateway.socket.room;

import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rooms one socket receives the events of: its user's rooms, each subscribed through the {@link RoomFanout}. */
public final class RoomSubscriptions {

  private final RoomFanout fanout;
  private final ClientConnection connection;
  private final Set<String> rooms = new HashSet<>();

  public RoomSubscriptions(RoomFanout fanout, ClientConnection connection) {
    this.fanout = fanout;
    this.connection = connection;
  }

  /** Completes once the room's address is registered across the cluster. */
  public Future<Void> join(String roomId) {
    return rooms.add(roomId) ? fanout.joinRoom(roomId, connection) : Future.succeededFuture();
  }

  public void leave(String roomId) {
    if (rooms.remove(roomId)) {
      fanout.leaveRoom(roomId, connection);
    }
  }

  public boolean contains(String roomId) {
    return rooms.contains(roomId);
  }

  public void leaveAll() {
    List.copyOf(rooms).forEach(this::leave);
  }
}
