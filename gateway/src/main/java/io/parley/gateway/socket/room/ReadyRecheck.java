package io.parley.gateway.socket.room;

import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.SyncQuery;
import io.parley.contract.chat.SyncedRoom;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.model.Message;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In a cluster a socket's new subscriptions are registered before {@code ready}, but the other nodes learn of
 * them a moment later, and an event published on one of them in that moment misses the socket. So a moment
 * after {@code ready} the socket asks what changed in its rooms since the versions {@code ready} gave, and sends
 * what it did not get live, as {@code sync} sends it. Meanwhile it notes the versions it delivered live.
 */
public final class ReadyRecheck {

  /** Far longer than a subscription takes to reach the other nodes (milliseconds), short for a reader. */
  static final long DELAY_MS = 1_000;

  private final Vertx vertx;
  private final ChatClient chat;
  private final ClientConnection connection;
  private final Map<String, Set<Long>> deliveredLive = new HashMap<>();

  public ReadyRecheck(Vertx vertx, ChatClient chat, ClientConnection connection) {
    this.vertx = vertx;
    this.chat = chat;
    this.connection = connection;
  }

  /** Rechecks these rooms (room id to the version {@code ready} gave) in a moment. */
  public void start(Map<String, Long> versions) {
    Map<String, Long> asked = new LinkedHashMap<>();
    versions.entrySet().stream().limit(SyncQuery.MAX_ROOMS).forEach(entry -> asked.put(entry.getKey(), entry.getValue()));
    if (asked.isEmpty()) {
      return;
    }
    asked.keySet().forEach(roomId -> deliveredLive.put(roomId, new HashSet<>()));
    vertx.setTimer(DELAY_MS, timer -> {
      if (connection.isClosed()) {
        deliveredLive.clear();
        return;
      }
      chat.sync(connection.actor(), new SyncQuery(asked)).onComplete(this::finish);
    });
  }

  /** A live event delivered while the recheck is pending: its timeline version, if it has one, is noted. */
  public void delivered(RoomEvent event) {
    if (deliveredLive.isEmpty()) {
      return;
    }
    Set<Long> versions = event.roomId() == null ? null : deliveredLive.get(event.roomId());
    if (versions != null) {
      long version = event.version();
      if (version >= 0) {
        versions.add(version);
      }
    }
  }

  /** A room left before the recheck: nothing of it is sent. */
  public void forget(String roomId) {
    deliveredLive.remove(roomId);
  }

  private void finish(AsyncResult<List<SyncedRoom>> answer) {
    Map<String, Set<Long>> live = new HashMap<>(deliveredLive);
    deliveredLive.clear();
    if (answer.failed() || connection.isClosed()) {
      return;
    }
    for (SyncedRoom room : answer.result()) {
      Set<Long> got = live.get(room.roomId());
      if (got == null) {
        continue;
      }
      for (Message message : room.messages()) {
        if (!got.contains(message.version())) {
          connection.send(MessageFrame.resent(message));
        }
      }
    }
  }
}
