package io.parley.gateway.socket.room;

import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.frame.MessageFrame;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A room joined while the socket is open (a new direct room, an invitation) is heard from once its address is
 * registered, which takes a moment, and its first events may be published before: the first direct message of a
 * pair is sent right after the room is made. So once registered, the socket asks what changed in the room since
 * the version the {@code membership} notice gave, and sends it as {@code sync} sends it. The room's live events
 * wait meanwhile; those the fetched state already holds are dropped, the rest follow in order.
 */
public final class RoomCatchUp {

  private final ChatClient chat;
  private final ClientConnection connection;
  private final Map<String, List<RoomEvent>> waiting = new HashMap<>();

  public RoomCatchUp(ChatClient chat, ClientConnection connection) {
    this.chat = chat;
    this.connection = connection;
  }

  /** Catches up on a room from {@code version} once {@code registered} completes. */
  public void start(String roomId, long version, Future<Void> registered) {
    waiting.put(roomId, new ArrayList<>());
    registered.compose(ignored -> chat.sync(connection.actor(), new SyncQuery(Map.of(roomId, version))))
        .onComplete(answer -> finish(roomId, answer));
  }

  /** Keeps a live event of a room being caught up on; false when its room is not. */
  public boolean holds(RoomEvent event) {
    if (waiting.isEmpty()) {
      return false;
    }
    List<RoomEvent> held = event.roomId() == null ? null : waiting.get(event.roomId());
    if (held == null) {
      return false;
    }
    held.add(event);
    return true;
  }

  /** The room was left before its catch-up ended: what was held for it is not sent. */
  public void cancel(String roomId) {
    waiting.remove(roomId);
  }

  private void finish(String roomId, AsyncResult<List<SyncedRoom>> answer) {
    List<RoomEvent> held = waiting.remove(roomId);
    if (held == null || connection.isClosed()) {
      return;
    }
    long reached = -1;
    if (answer.succeeded()) {
      for (SyncedRoom room : answer.result()) {
        room.messages().forEach(message -> connection.send(MessageFrame.resent(message)));
        reached = room.version();
      }
    }
    for (RoomEvent event : held) {
      if (reached < 0 || !event.heldBy(reached)) {
        connection.deliver(event);
      }
    }
  }
}
