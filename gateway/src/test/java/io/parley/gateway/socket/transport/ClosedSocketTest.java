package io.parley.gateway.socket.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.gateway.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A room's event may reach a socket its client has closed before the socket's close handler has taken it out of
 * the room: writing to it then is nothing, not an exception on the event loop. Vert.x's WebSocket throws from
 * {@code writeQueueFull} once closed, on {@code /ws} and under SockJS's raw WebSocket transport alike. Each test
 * writes from the socket's own close handler, before the channel has heard of the close.
 */
class ClosedSocketTest {

  private final Vertx vertx = Vertx.vertx();
  private final GatewayMetrics metrics = new GatewayMetrics("closed-socket-test", () -> 0, List.of());
  private final AtomicBoolean cutOff = new AtomicBoolean();
  private final Promise<Boolean> queueFullAfterClose = Promise.promise();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFrameForAWebSocketTheClientClosedIsDroppedQuietly() throws Exception {
    assertDroppedQuietly(vertx.createHttpServer().webSocketHandler(socket ->
        socket.closeHandler(writeAfterClose(new WebSocketChannel(socket, 1024)))), "/ws");
  }

  @Test
  void aFrameForARawSockJsSocketTheClientClosedIsDroppedQuietly() throws Exception {
    Router router = Router.router(vertx);
    router.route("/sockjs/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions()
            .setRegisterWriteHandler(false))
        .socketHandler(socket -> socket.closeHandler(writeAfterClose(new SockJsChannel(socket, 1024)))));
    assertDroppedQuietly(vertx.createHttpServer().requestHandler(router), "/sockjs/websocket");
  }

  /** What a room's event does to a socket: a frame through the writer, which asks whether the queue is full. */
  private Handler<Void> writeAfterClose(ClientChannel channel) {
    FrameWriter writer = new FrameWriter(channel, 1024, metrics, () -> cutOff.set(true));
    return ignored -> {
      try {
        writer.write("message", "{\"type\":\"message\"}");
        queueFullAfterClose.complete(channel.writeQueueFull());
      } catch (RuntimeException e) {
        queueFullAfterClose.fail(e);
      }
    };
  }

  private void assertDroppedQuietly(HttpServer server, String path) throws Exception {
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    await(vertx.createWebSocketClient().connect(port, "127.0.0.1", path).compose(client -> client.close()));
    assertFalse(await(queueFullAfterClose.future()), "a closed socket queues nothing");
    assertFalse(cutOff.get(), "nor is it cut off as a slow reader");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
