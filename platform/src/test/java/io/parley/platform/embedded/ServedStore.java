package io.parley.platform.embedded;

import de.bwaldvogel.mongo.MongoServer;
import io.parley.platform.EmbeddedStore;

/**
 * A store file opened with Parley's backend and served on a free port of its own, as the store tests reach it
 * both through a client ({@link #uri}) and directly ({@link #backend}). Closing stops the server and the backend.
 */
record ServedStore(TunedH2Backend backend, MongoServer server) implements AutoCloseable {

  static ServedStore open(String file) {
    return served(TunedH2Backend.open(file, EmbeddedStore.DEFAULT_CACHE_MB));
  }

  /** A store whose file is committed only when it is closed or its indexes change: the rest is in its log. */
  static ServedStore withoutTimedCheckpoints(String file) {
    return served(TunedH2Backend.open(file, EmbeddedStore.DEFAULT_CACHE_MB, Long.MAX_VALUE / 2));
  }

  private static ServedStore served(TunedH2Backend backend) {
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    return new ServedStore(backend, server);
  }

  String uri() {
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
