package io.parley.gateway.socket;

import io.parley.contract.Actor;
import io.parley.contract.CloseCodes;
import io.parley.contract.Ids;
import io.parley.contract.auth.AccountService;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.frame.FrameTypes;
import io.parley.contract.presence.PresenceService;
import io.parley.gateway.GatewayConfig.SocketSettings;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.session.AccessTokens;
import io.parley.gateway.socket.chat.ChatFrames;
import io.parley.gateway.socket.presence.PresenceReporter;
import io.parley.gateway.socket.profile.ProfileUpdates;
import io.parley.gateway.socket.resume.SyncFrames;
import io.parley.gateway.socket.room.RoomFanout;
import io.parley.gateway.socket.transport.ClientChannel;
import io.parley.gateway.socket.transport.SockJsChannel;
import io.parley.gateway.socket.transport.WebSocketChannel;
import io.parley.gateway.socket.typing.TypingFrames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepts client sockets, plain WebSocket or SockJS alike, and keeps track of them: the open ones, and the
 * authenticated ones, which fan-out and presence-service know about.
 */
public final class SocketServer {

  private final SocketContext context;
  private final RoomFanout fanout;
  private final GatewayMetrics metrics;
  private final PresenceReporter presence;
  private final ProfileUpdates profiles;
  private final Set<ClientConnection> open = new LinkedHashSet<>();
  private final Set<ClientConnection> authenticated = new LinkedHashSet<>();

  public SocketServer(Vertx vertx, String gatewayId, AccessTokens tokens, AccountService accounts,
      PresenceService presenceService, ChatClient chat, SocketSettings settings) {
    Map<String, FrameHandler> handlers = new HashMap<>();
    ChatFrames.register(handlers, chat);
    TypingFrames.register(handlers);
    SyncFrames.register(handlers, chat);
    this.fanout = new RoomFanout(vertx.eventBus());
    Set<String> clientTypes = new HashSet<>(handlers.keySet());
    clientTypes.addAll(List.of(FrameTypes.AUTH, FrameTypes.PING));
    this.metrics = new GatewayMetrics(gatewayId, open::size, clientTypes);
    this.presence = new PresenceReporter(vertx, gatewayId, () -> authenticated);
    this.profiles = new ProfileUpdates(vertx, chat, () -> authenticated);
    this.context = new SocketContext(vertx, tokens, accounts, presenceService, chat, settings, fanout, metrics,
        Map.copyOf(handlers));
  }

  public void acceptWebSocket(ServerWebSocket socket) {
    accept(new WebSocketChannel(socket, context.settings().writeQueueBytes()));
  }

  public void acceptSockJs(SockJSSocket socket) {
    accept(new SockJsChannel(socket, context.settings().writeQueueBytes()));
  }

  private void accept(ClientChannel channel) {
    ClientConnection connection = new ClientConnection(Ids.newId(), channel, context, this);
    open.add(connection);
    connection.start();
  }

  /** Completes once the user's address is registered across the cluster. */
  Future<Void> authenticated(ClientConnection connection) {
    authenticated.add(connection);
    Future<Void> subscribed = fanout.addUser(connection);
    presence.connected(connection);
    return subscribed;
  }

  /** Forgets a closed connection; answers false when it was forgotten already. */
  boolean closed(ClientConnection connection) {
    if (!open.remove(connection)) {
      return false;
    }
    if (authenticated.remove(connection)) {
      fanout.removeUser(connection);
      presence.disconnected(connection);
    }
    return true;
  }

  /**
   * Closes the sockets of sessions auth-service ended: 4401 after a logout or a stolen refresh token, 4403 for
   * every socket of a banned user.
   */
  public void closeEndedSessions(String userId, Set<String> sessionIds, boolean banned) {
    for (ClientConnection connection : List.copyOf(open)) {
      Actor actor = connection.actor();
      if (actor == null) {
        continue;
      }
      if (banned && actor.id().equals(userId)) {
        connection.close(CloseCodes.BANNED, "banned");
      } else if (sessionIds.contains(actor.sessionId())) {
        connection.close(CloseCodes.UNAUTHENTICATED, "session ended");
      }
    }
  }

  /** Closes every socket, as on shutdown; queued frames are written before each close frame. */
  public void closeAll(short code, String reason) {
    List.copyOf(open).forEach(connection -> connection.close(code, reason));
    presence.stop();
    profiles.stop();
  }

  public GatewayMetrics metrics() {
    return metrics;
  }
}
