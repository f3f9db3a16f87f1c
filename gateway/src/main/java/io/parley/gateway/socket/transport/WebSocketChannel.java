package io.parley.gateway.socket.transport;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;

/**
 * A plain WebSocket at {@code /ws}. Binary frames are not part of the protocol: they are passed on like text ones,
 * so they count against the socket's limits, and are refused there.
 */
public final class WebSocketChannel implements ClientChannel {

  private final ServerWebSocket socket;

  public WebSocketChannel(ServerWebSocket socket, int writeQueueBytes) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(writeQueueBytes);
  }

  @Override
  public void onFrame(Handler<InboundFrame> handler) {
    socket.textMessageHandler(text -> handler.handle(InboundFrame.text(text)));
    socket.binaryMessageHandler(data -> handler.handle(InboundFrame.binary(data.length())));
  }

  @Override
  public void onClose(Handler<Void> handler) {
    socket.closeHandler(handler);
  }

  @Override
  public void onDrain(Handler<Void> handler) {
    socket.drainHandler(handler);
  }

  @Override
  public void send(String frame) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(frame);
    }
  }

  /**
   * A closed socket queues nothing. Vert.x throws here once the socket is closed, and a room's event can reach a
   * socket after its close frame and before its close handler has taken it out of the room.
   */
  @Override
  public boolean writeQueueFull() {
    return !socket.isClosed() && socket.writeQueueFull();
  }

  @Override
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }
}
