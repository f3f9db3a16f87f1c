package io.parley.gateway.socket.transport;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * A SockJS session at {@code /sockjs}: the same protocol for browsers behind proxies that break WebSocket, over
 * SockJS's WebSocket or its HTTP fallbacks (xhr-streaming, polling). SockJS sessions close with code 3000 whatever
 * code is asked for, so the contract's close code is sent first as a {@code close} frame.
 */
public final class SockJsChannel implements ClientChannel {

  private final SockJSSocket socket;
  private boolean closed;

  public SockJsChannel(SockJSSocket socket, int writeQueueBytes) {
    this.socket = socket;
    socket.setWriteQueueMaxSize(writeQueueBytes);
  }

  @Override
  public void onFrame(Handler<InboundFrame> handler) {
    socket.handler(buffer -> handler.handle(InboundFrame.text(buffer.toString())));
  }

  @Override
  public void onClose(Handler<Void> handler) {
    socket.closeHandler(ignored -> {
      closed = true;
      handler.handle(null);
    });
  }

  @Override
  public void onDrain(Handler<Void> handler) {
    socket.drainHandler(handler);
  }

  @Override
  public void send(String frame) {
    if (!closed) {
      socket.write(frame);
    }
  }

  /**
   * A closed socket queues nothing. Over SockJS's raw WebSocket transport the socket is a WebSocket, whose
   * {@code writeQueueFull} throws once it is closed, which can come before the session's close handler; a SockJS
   * socket does not say whether it is closed, so that is read from the refusal.
   */
  @Override
  public boolean writeQueueFull() {
    if (closed) {
      return false;
    }
    try {
      return socket.writeQueueFull();
    } catch (IllegalStateException closedUnderneath) {
      return false;
    }
  }

  @Override
  public void close(short code, String reason) {
    if (!closed) {
      closed = true;
      // Closing at once can drop the frame still queued on an HTTP transport: close once it is written.
      socket.write(new JsonObject().put("type", "close").put("code", code).put("reason", reason).encode())
          .onComplete(written -> socket.close(code, reason));
    }
  }
}
