package io.parley.gateway.socket;

import io.parley.contract.Ids;
import io.parley.gateway.http.AccessTokens;
import io.parley.gateway.http.ServiceCalls;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accepts client sockets and keeps the gateway-wide state they share: fan-out and the open connections. */
public final class SocketServer {

  private final Vertx vertx;
  private final String gatewayId;
  private final AccessTokens tokens;
  private final ServiceCalls services;
  private final RoomFanout fanout;
  private final Set<ClientConnection> open = new LinkedHashSet<>();
  private final Map<String, FrameHandler> frameHandlers = new HashMap<>();

  public SocketServer(Vertx vertx, String gatewayId, AccessTokens tokens, ServiceCalls services) {
    this.vertx = vertx;
    this.gatewayId = gatewayId;
    this.tokens = tokens;
    this.services = services;
    this.fanout = new RoomFanout(vertx.eventBus());
    ChatFrames.register(frameHandlers);
  }

  public void acceptWebSocket(ServerWebSocket socket) {
    accept(new WebSocketChannel(socket));
  }

  public void accept(ClientChannel channel) {
    ClientConnection connection = new ClientConnection(Ids.newId(), channel, this);
    open.add(connection);
    connection.start();
  }

  void closed(ClientConnection connection) {
    open.remove(connection);
  }

  public int openConnections() {
    return open.size();
  }

  /** A copy of the open connections, safe to iterate while some of them close. */
  List<ClientConnection> connections() {
    return List.copyOf(open);
  }

  FrameHandler frameHandler(String type) {
    return frameHandlers.get(type);
  }

  Vertx vertx() {
    return vertx;
  }

  String gatewayId() {
    return gatewayId;
  }

  AccessTokens tokens() {
    return tokens;
  }

  ServiceCalls services() {
    return services;
  }

  RoomFanout fanout() {
    return fanout;
  }
}
