package io.parley.gateway.socket.room;

import io.parley.contract.chat.ChatClient;
import io.parley.contract.frame.Membership;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rooms one socket receives the events of: its user's rooms, each subscribed through the {@link RoomFanout}. */
public final class RoomSubscriptions {

  private final RoomFanout fanout;
  private final ClientConnection connection;
  private final RoomCatchUp catchUp;
  private final ReadyRecheck recheck;
  private final Set<String> rooms = new HashSet<>();

  public RoomSubscriptions(Vertx vertx, RoomFanout fanout, ChatClient chat, ClientConnection connection) {
    this.fanout = fanout;
    this.connection = connection;
    this.catchUp = new RoomCatchUp(chat, connection);
    this.recheck = new ReadyRecheck(vertx, chat, connection);
  }

  /** After {@code ready}: its rooms rechecked from the versions it gave, in a moment ({@link ReadyRecheck}). */
  public void recheckAfterReady(Map<String, Long> versions) {
    recheck.start(versions);
  }

  /** Completes once the room's address is registered across the cluster. */
  public Future<Void> join(String roomId) {
    return rooms.add(roomId) ? fanout.joinRoom(roomId, connection) : Future.succeededFuture();
  }

  /** A room joined while the socket is open, caught up on from the version its {@code membership} notice gave. */
  public void joinLate(Membership membership) {
    String roomId = membership.roomId();
    if (!rooms.contains(roomId)) {
      long version = membership.room() == null ? 0 : membership.room().counters().version();
      catchUp.start(roomId, version, join(roomId));
    }
  }

  /** Whether a live event waits for its room's catch-up to end; if not, it is about to be delivered. */
  public boolean holds(RoomEvent event) {
    if (catchUp.holds(event)) {
      return true;
    }
    recheck.delivered(event);
    return false;
  }

  public void leave(String roomId) {
    if (rooms.remove(roomId)) {
      catchUp.cancel(roomId);
      recheck.forget(roomId);
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
