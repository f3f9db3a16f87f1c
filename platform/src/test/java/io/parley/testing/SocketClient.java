package io.parley.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A protocol client for tests: connects to {@code /ws}, sends frames, and lets a test wait for the frame it
 * expects while keeping every other frame for later checks.
 */
public final class SocketClient {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private volatile Short closeCode;

  private SocketClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    socket.closeHandler(ignored -> closeCode = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
  }

  public static SocketClient connect(Vertx vertx, int port) {
    return connect(vertx, port, "/ws");
  }

  public static SocketClient connect(Vertx vertx, int port, String path) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket socket = Await.result(client.connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(path)));
    return new SocketClient(client, socket);
  }

  /** Connects and authenticates; answers the {@code ready} frame. */
  public static SocketClient authenticated(Vertx vertx, int port, String token) {
    SocketClient client = connect(vertx, port);
    client.send(new JsonObject().put("type", "auth").put("token", token));
    client.next("ready");
    return client;
  }

  public void send(JsonObject frame) {
    Await.result(socket.writeTextMessage(frame.encode()));
  }

  /** Sends without waiting or caring whether the socket is still open, as a flooding client would. */
  public void sendAndForget(JsonObject frame) {
    socket.writeTextMessage(frame.encode());
  }

  /** Sends a binary frame without waiting, as a client outside the protocol (or flooding) would. */
  public void sendBinaryAndForget(Buffer data) {
    socket.writeBinaryMessage(data);
  }

  public void sendRaw(String text) {
    Await.result(socket.writeTextMessage(text));
  }

  /** The next frame of this type, within 10 s; frames of other types are kept in {@link #seen()}. */
  public JsonObject next(String type) {
    return next(frame -> type.equals(frame.getString("type")), 10_000);
  }

  /** The answer to the frame sent with this ref: an {@code ack}, an {@code error} or whatever it is. */
  public JsonObject answerTo(Object ref) {
    return next(frame -> ref.equals(frame.getValue("ref")), 10_000);
  }

  public JsonObject next(Predicate<JsonObject> wanted, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    for (JsonObject earlier : List.copyOf(seen)) {
      if (wanted.test(earlier)) {
        seen.remove(earlier);
        return earlier;
      }
    }
    while (true) {
      long left = deadline - System.currentTimeMillis();
      JsonObject frame;
      try {
        frame = left <= 0 ? null : inbox.poll(left, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (frame == null) {
        throw new AssertionError("no matching frame within " + timeoutMs + " ms; seen: " + seen);
      }
      if (wanted.test(frame)) {
        return frame;
      }
      seen.add(frame);
    }
  }

  /** Every frame received and not yet taken, after waiting a moment for stragglers. */
  public List<JsonObject> drain(long waitMs) {
    try {
      Thread.sleep(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inbox.drainTo(seen);
    List<JsonObject> all = List.copyOf(seen);
    seen.clear();
    return all;
  }

  /** The close code once the server closed the socket, waiting up to timeoutMs; null when still open. */
  public Short awaitClose(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (closeCode == null && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return closeCode;
  }

  /** Stops reading from the network, as a client on a stalled link: the server's writes back up. */
  public void pause() {
    socket.pause();
  }

  public void resume() {
    socket.resume();
  }

  public void close() {
    if (closeCode == null) {
      socket.close();
    }
    client.close();
  }
}
