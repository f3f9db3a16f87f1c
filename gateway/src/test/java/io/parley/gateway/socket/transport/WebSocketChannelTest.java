package io.parley.gateway.socket.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.gateway.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A room's event may reach a socket the client has closed before its close handler has taken it out of the room:
 * writing to it then is nothing, not an exception on the event loop (Vert.x's own {@code writeQueueFull} throws
 * on a closed socket).
 */
class WebSocketChannelTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFrameForASocketTheClientClosedIsDroppedQuietly() throws Exception {
    AtomicBoolean cutOff = new AtomicBoolean();
    GatewayMetrics metrics = new GatewayMetrics("channel-test", () -> 0, List.of());
    Promise<Boolean> queueFullAfterClose = Promise.promise();
    HttpServer server = vertx.createHttpServer().webSocketHandler(socket -> {
      WebSocketChannel channel = new WebSocketChannel(socket, 1024);
      FrameWriter writer = new FrameWriter(channel, 1024, metrics, () -> cutOff.set(true));
      // As a room's event would reach it between the client's close frame and the close handler.
      socket.closeHandler(ignored -> {
        try {
          writer.write("message", "{\"type\":\"message\"}");
          queueFullAfterClose.complete(channel.writeQueueFull());
        } catch (RuntimeException e) {
          queueFullAfterClose.fail(e);
        }
      });
    });
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    await(vertx.createWebSocketClient().connect(port, "127.0.0.1", "/").compose(client -> client.close()));

    assertFalse(await(queueFullAfterClose.future()), "a closed socket queues nothing");
    assertFalse(cutOff.get(), "nor is it cut off as a slow reader");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
