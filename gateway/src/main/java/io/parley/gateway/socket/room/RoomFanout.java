package io.parley.gateway.socket.room;

import io.parley.contract.Addresses;
import io.parley.contract.bus.QuietConsumers;
import io.parley.gateway.socket.ClientConnection;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Delivers room and user events to this gateway's sockets. The gateway listens on a room's address only while
 * one of its sockets belongs to a member of that room, and on a user's address only while that user has a
 * socket here; each event is encoded once and written once to each local socket.
 */
public final class RoomFanout {

  private final EventBus bus;
  private final Map<String, Subscription> rooms = new HashMap<>();
  private final Map<String, Subscription> users = new HashMap<>();

  public RoomFanout(EventBus bus) {
    this.bus = bus;
  }

  /** Completes once the user's address is registered across the cluster. */
  public Future<Void> addUser(ClientConnection connection) {
    String userId = connection.userId();
    return subscribe(users, Addresses.userEvents(userId), userId, connection,
        message -> onUserEvent(userId, message));
  }

  public void removeUser(ClientConnection connection) {
    unsubscribe(users, connection.userId(), connection);
  }

  /** Completes once the room's address is registered across the cluster: no event published after is missed. */
  public Future<Void> joinRoom(String roomId, ClientConnection connection) {
    return subscribe(rooms, Addresses.roomEvents(roomId), roomId, connection,
        message -> onRoomEvent(roomId, message));
  }

  public void leaveRoom(String roomId, ClientConnection connection) {
    unsubscribe(rooms, roomId, connection);
  }

  private void onRoomEvent(String roomId, Message<JsonObject> message) {
    Subscription subscription = rooms.get(roomId);
    if (subscription == null) {
      return;
    }
    RoomEvent event = RoomEvent.of(roomId, message.body());
    for (ClientConnection connection : subscription.snapshot()) {
      connection.deliver(event);
    }
  }

  private void onUserEvent(String userId, Message<JsonObject> message) {
    Subscription subscription = users.get(userId);
    if (subscription == null) {
      return;
    }
    for (ClientConnection connection : subscription.snapshot()) {
      connection.onUserEvent(message.body());
    }
  }

  private Future<Void> subscribe(Map<String, Subscription> table, String address, String key,
      ClientConnection connection, io.vertx.core.Handler<Message<JsonObject>> handler) {
    Subscription subscription = table.computeIfAbsent(key,
        k -> new Subscription(QuietConsumers.consumer(bus, address, handler)));
    subscription.add(connection);
    return subscription.consumer.completion();
  }

  private static void unsubscribe(Map<String, Subscription> table, String key, ClientConnection connection) {
    Subscription subscription = table.get(key);
    if (subscription == null) {
      return;
    }
    subscription.remove(connection);
    if (subscription.isEmpty()) {
      table.remove(key);
      subscription.consumer.unregister();
    }
  }

  /**
   * A consumer and the local sockets it serves. Events are delivered to a snapshot of the sockets, since a delivery
   * may close a socket and so change the set; the snapshot is taken again only after the set changed, not for
   * every event.
   */
  private static final class Subscription {
    final MessageConsumer<JsonObject> consumer;
    private final Set<ClientConnection> connections = new LinkedHashSet<>();
    private ClientConnection[] snapshot;

    Subscription(MessageConsumer<JsonObject> consumer) {
      this.consumer = consumer;
    }

    void add(ClientConnection connection) {
      if (connections.add(connection)) {
        snapshot = null;
      }
    }

    void remove(ClientConnection connection) {
      if (connections.remove(connection)) {
        snapshot = null;
      }
    }

    boolean isEmpty() {
      return connections.isEmpty();
    }

    ClientConnection[] snapshot() {
      if (snapshot == null) {
        snapshot = connections.toArray(new ClientConnection[0]);
      }
      return snapshot;
    }
  }
}
