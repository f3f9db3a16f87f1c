package io.parley.platform;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.parley.platform.embedded.OwnerOnly;
import io.parley.platform.embedded.TunedH2Backend;
import io.parley.platform.management.Metrics;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol server that runs inside Parley when no MONGO_URI is given. It persists to one H2
 * file in the data folder. Services reach it through an ordinary connection string, exactly as they would a
 * real MongoDB, so nothing in them knows which one they use.
 */
public final class EmbeddedStore implements AutoCloseable {

  /** The embedded store's page cache unless PARLEY_STORE_CACHE_MB says otherwise. */
  public static final int DEFAULT_CACHE_MB = 16;

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedStore(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /**
   * Persistent store in {@code dataDir/parley-store.mv.db}, listening on 127.0.0.1:port (0 picks one): never on
   * another interface, since the wire protocol has no authentication. The folder and the file are the owner's
   * only (docs/SECURITY.md).
   */
  public static EmbeddedStore persistent(Path dataDir, int port) {
    return persistent(dataDir, port, DEFAULT_CACHE_MB);
  }

  /** The same, keeping up to this many megabytes of the store's pages in memory. */
  public static EmbeddedStore persistent(Path dataDir, int port, int cacheMegabytes) {
    Path file = dataDir.resolve("parley-store.mv.db");
    try {
      OwnerOnly.folder(dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create or protect data folder " + dataDir.toAbsolutePath(), e);
    }
    TunedH2Backend backend;
    try {
      backend = TunedH2Backend.open(file.toAbsolutePath().toString(), cacheMegabytes);
    } catch (RuntimeException e) {
      String reason = String.valueOf(e.getMessage()).contains("locked")
          ? "is in use by another Parley process (its store file is locked)"
          : "holds a store file that cannot be opened: " + e.getMessage();
      throw new IllegalStateException("data folder " + dataDir.toAbsolutePath().normalize() + " " + reason, e);
    }
    try {
      OwnerOnly.file(file);
    } catch (Exception e) {
      backend.close();
      throw new IllegalStateException("cannot make " + file.toAbsolutePath() + " readable by its owner only", e);
    }
    meter(backend);
    return bind(new MongoServer(backend), port);
  }

  /** How many writes asked to be durable, and how many commits of the file made them so (docs/OPERATIONS.md). */
  private static void meter(TunedH2Backend backend) {
    FunctionCounter.builder("parley_store_durable_writes", backend, TunedH2Backend::durableWrites)
        .description("writes answered once on the disk").register(Metrics.registry());
    FunctionCounter.builder("parley_store_durable_commits", backend, TunedH2Backend::durableCommits)
        .description("commits of the store file that made them so").register(Metrics.registry());
  }

  private static EmbeddedStore bind(MongoServer server, int port) {
    server.bind("127.0.0.1", port);
    return new EmbeddedStore(server, server.getLocalAddress());
  }

  public String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  public int port() {
    return address.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
