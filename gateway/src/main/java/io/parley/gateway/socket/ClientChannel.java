package io.parley.gateway.socket;

import io.vertx.core.Handler;

/** One client's text-frame pipe, whether a plain WebSocket or a SockJS session. */
public interface ClientChannel {

  void onText(Handler<String> handler);

  void onClose(Handler<Void> handler);

  void send(String frame);

  void close(short code, String reason);

  String remoteAddress();
}
