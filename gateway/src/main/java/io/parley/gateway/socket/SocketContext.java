package io.parley.gateway.socket;

import io.parley.contract.auth.AccountService;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.presence.PresenceService;
import io.parley.gateway.GatewayConfig.SocketSettings;
import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.session.AccessTokens;
import io.parley.gateway.socket.room.RoomFanout;
import io.vertx.core.Vertx;
import java.util.Map;

/** What every connection of this gateway shares, handed to each by the {@link SocketServer}. */
record SocketContext(Vertx vertx, AccessTokens tokens, AccountService accounts, PresenceService presence,
    ChatClient chat, SocketSettings settings, RoomFanout fanout, GatewayMetrics metrics,
    Map<String, FrameHandler> handlers) {
}
