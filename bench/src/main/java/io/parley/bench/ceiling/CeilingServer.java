package io.parley.bench.ceiling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical reference: a bare Vert.x WebSocket room-broadcast server speaking Parley's envelope, with no
 * authentication, no persistence and no event bus. One HTTP server per event loop shares the port, so it uses
 * every core; {@code /health} and {@code /metrics} (heap in use) let the load generator treat it like Parley.
 * Given a data folder, it is the persisting ceiling: each message is stored before it goes out
 * ({@link CeilingStore}).
 */
public final class CeilingServer {

  private final Vertx vertx;
  private final CeilingRooms rooms = new CeilingRooms();
  private final List<HttpServer> servers = new ArrayList<>();
  private final CeilingStore store;

  /** {@code dataDir} null: the bare ceiling, which stores nothing. */
  public CeilingServer(Vertx vertx, Path dataDir) {
    this.vertx = vertx;
    this.store = dataDir == null ? null : CeilingStore.open(vertx, dataDir);
  }

  /** Listens on host:port with one server per event loop; answers the port actually bound. */
  public Future<Integer> listen(String host, int port, int instances) {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setMaxWebSocketFrameSize(256 * 1024).setMaxWebSocketMessageSize(256 * 1024);
    if (port == 0) {
      // Vert.x shares a port among the servers that ask for the same one, but each server asking for 0 gets a port
      // of its own: find a free port, then bind every server to it.
      return vertx.createHttpServer(options).requestHandler(CeilingServer::onRequest).listen()
          .compose(probe -> probe.close().compose(closed -> listen(host, probe.actualPort(), instances)));
    }
    return start(options).compose(first -> {
      List<Future<HttpServer>> more = new ArrayList<>();
      for (int i = 1; i < instances; i++) {
        more.add(start(options));
      }
      return Future.all(more).compose(all -> all.<HttpServer>list().stream()
              .allMatch(server -> server.actualPort() == port)
          ? Future.succeededFuture(port)
          : Future.failedFuture(new IllegalStateException("the servers did not share port " + port)));
    });
  }

  /** Stores what the store holds in memory: the persisting ceiling is stopped by a signal after each run. */
  public void close() {
    if (store != null) {
      store.close();
    }
  }

  private Future<HttpServer> start(HttpServerOptions options) {
    return vertx.createHttpServer(options)
        .webSocketHandler(this::accept)
        .requestHandler(CeilingServer::onRequest)
        .listen()
        .onSuccess(servers::add);
  }

  private void accept(ServerWebSocket socket) {
    if (!"/ws".equals(socket.path())) {
      socket.close((short) 1008, "only /ws");
      return;
    }
    new CeilingConnection(socket, rooms, store).start();
  }

  private static void onRequest(HttpServerRequest request) {
    switch (request.path()) {
      case "/health" -> request.response().end("{\"status\":\"up\"}");
      case "/metrics" -> request.response().putHeader("Content-Type", "text/plain")
          .end("jvm_memory_used_bytes{area=\"heap\",id=\"all\"} "
              + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + "\n");
      default -> request.response().setStatusCode(404).end();
    }
  }
}
