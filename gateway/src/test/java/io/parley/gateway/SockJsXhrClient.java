package io.parley.gateway;

import io.parley.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SockJS client on the xhr-streaming fallback, as a browser without WebSocket uses it: one long POST
 * receives {@code o}, {@code h}, {@code a[...]} and {@code c[code,reason]} frames, each send is a POST to
 * {@code xhr_send}.
 */
final class SockJsXhrClient {

  private final HttpClient http;
  private final int port;
  private final String base;
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final StringBuilder pending = new StringBuilder();
  private volatile JsonArray closeFrame;

  private SockJsXhrClient(Vertx vertx, int port) {
    this.http = vertx.createHttpClient();
    this.port = port;
    this.base = "/sockjs/000/" + Long.toHexString(System.nanoTime()) + "/";
  }

  static SockJsXhrClient open(Vertx vertx, int port) {
    SockJsXhrClient client = new SockJsXhrClient(vertx, port);
    HttpClientResponse response = Await.result(client.http.request(new RequestOptions()
            .setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(client.base + "xhr_streaming"))
        .compose(request -> request.send()));
    if (response.statusCode() != 200) {
      throw new AssertionError("xhr_streaming answered " + response.statusCode());
    }
    response.handler(client::onChunk);
    return client;
  }

  private synchronized void onChunk(Buffer chunk) {
    pending.append(chunk.toString());
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      if (line.startsWith("a")) {
        new JsonArray(line.substring(1)).forEach(text -> inbox.add(new JsonObject((String) text)));
      } else if (line.startsWith("c")) {
        closeFrame = new JsonArray(line.substring(1));
      }
    }
  }

  void send(JsonObject frame) {
    int status = Await.result(http.request(new RequestOptions()
            .setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(base + "xhr_send"))
        .compose(request -> request.send(new JsonArray().add(frame.encode()).encode()))
        .map(HttpClientResponse::statusCode));
    if (status != 204) {
      throw new AssertionError("xhr_send answered " + status);
    }
  }

  JsonObject next(String type) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        JsonObject frame = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (frame != null && type.equals(frame.getString("type"))) {
          return frame;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no " + type + " frame over xhr-streaming");
  }

  /** The SockJS close frame {@code [code, reason]} once received, waiting up to timeoutMs. */
  JsonArray awaitClose(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (closeFrame == null && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    return closeFrame;
  }

  void close() {
    http.close();
  }
}
