package io.parley.gateway.socket.transport;

import io.vertx.core.Handler;

/** One client's frame pipe, whether a plain WebSocket or a SockJS session. */
public interface ClientChannel {

  /** Every frame the client sends, text or binary, in order. */
  void onFrame(Handler<InboundFrame> handler);

  void onClose(Handler<Void> handler);

  /** Called when a full outbound queue has room again. */
  void onDrain(Handler<Void> handler);

  void send(String frame);

  /** True while the outbound queue is above its high-water mark: the client reads slower than we write. */
  boolean writeQueueFull();

  void close(short code, String reason);
}
