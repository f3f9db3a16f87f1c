package io.parley.gateway.socket.transport;

import io.parley.contract.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/** A plain WebSocket at {@code /ws}. Binary frames are not part of the protocol and are answered with an error. */
public final class WebSocketChannel implements ClientChannel {

  private final ServerWebSocket socket;

  public WebSocketChannel(ServerWebSocket socket, int writeQueueBytes) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(writeQueueBytes);
    socket.binaryMessageHandler(ignored -> send(new JsonObject()
        .put("type", "error").put("code", ErrorCode.INVALID_INPUT.word())
        .put("message", "Frames are JSON text.").encode()));
  }

  @Override
  public void onText(Handler<String> handler) {
    socket.textMessageHandler(handler);
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

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public void close(short code, String reason) {
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  @Override
  public String remoteAddress() {
    return socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
  }

  @Override
  public String transport() {
    return "websocket";
  }
}
