package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens many sockets to one server. Loopback has about 28,000 ephemeral ports per source address, so after
 * {@code perAddress} sockets the fleet moves on to the next source address, 127.0.0.2 up to 127.0.0.9.
 */
public final class SocketFleet implements AutoCloseable {

  private static final int FIRST_HOST = 2;
  private static final int LAST_HOST = 9;

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final int perAddress;
  private final int receiveBufferBytes;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final Set<BenchSocket> sockets = new LinkedHashSet<>();
  private int opened;

  /** {@code receiveBufferBytes} above 0 fixes each socket's SO_RCVBUF (no autotuning), as for slow readers. */
  public SocketFleet(Vertx vertx, String host, int port, int perAddress, int receiveBufferBytes) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.perAddress = perAddress;
    this.receiveBufferBytes = receiveBufferBytes;
  }

  /** The client for the next socket: the source address changes every {@code perAddress} sockets. */
  public synchronized WebSocketClient nextClient() {
    int slot = opened++ / perAddress;
    if (FIRST_HOST + slot > LAST_HOST) {
      throw new IllegalStateException("more than " + perAddress * (LAST_HOST - FIRST_HOST + 1)
          + " sockets: no source address left in 127.0.0.2-127.0.0.9");
    }
    while (clients.size() <= slot) {
      WebSocketClientOptions options = new WebSocketClientOptions()
          .setLocalAddress("127.0.0." + (FIRST_HOST + clients.size()))
          .setMaxConnections(Integer.MAX_VALUE)
          .setConnectTimeout(30_000)
          .setTcpNoDelay(true)
          .setMaxFrameSize(256 * 1024)
          .setMaxMessageSize(256 * 1024);
      if (receiveBufferBytes > 0) {
        options.setReceiveBufferSize(receiveBufferBytes);
      }
      clients.add(vertx.createWebSocketClient(options));
    }
    return clients.get(slot);
  }

  /** Opens and authenticates one socket per account, at most {@code concurrency} at a time. */
  public Future<List<BenchSocket>> openAll(List<Account> accounts, int concurrency) {
    return Parallel.run(accounts.size(), concurrency, i -> connect(new BenchSocket(accounts.get(i))));
  }

  /** Connects (or reconnects) one socket from the next source address. */
  public Future<BenchSocket> connect(BenchSocket socket) {
    synchronized (this) {
      sockets.add(socket);
    }
    return socket.connect(nextClient(), host, port).map(ready -> socket);
  }

  public synchronized List<BenchSocket> sockets() {
    return List.copyOf(sockets);
  }

  @Override
  public void close() {
    List<Future<Void>> closing = new ArrayList<>();
    sockets().forEach(socket -> closing.add(socket.close()));
    Await.quietly(Future.join(closing), 30_000);
    clients.forEach(WebSocketClient::close);
  }
}
