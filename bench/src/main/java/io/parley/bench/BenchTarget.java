package io.parley.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;

/** A running server under test and the way to provision it: the ceiling, the persisting ceiling or Parley. */
public final class BenchTarget implements AutoCloseable {

  public enum Kind { CEILING, PERSISTING, PARLEY }

  private final Kind kind;
  private final ServerProcess server;
  private final Provisioner provisioner;

  private BenchTarget(Kind kind, ServerProcess server, Provisioner provisioner) {
    this.kind = kind;
    this.server = server;
    this.provisioner = provisioner;
  }

  public static BenchTarget start(Kind kind, BenchOptions options, Vertx vertx, Path workDir) throws IOException {
    if (kind != Kind.PARLEY) {
      return new BenchTarget(kind, ServerProcess.ceiling(options, workDir, kind == Kind.PERSISTING),
          new CeilingProvisioner());
    }
    ServerProcess server = ServerProcess.parley(options, workDir);
    return new BenchTarget(kind, server, new ParleyProvisioner(vertx, server.host(), server.port()));
  }

  public static Kind kind(String name) {
    return Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  public ServerProcess server() {
    return server;
  }

  public Provisioner provisioner() {
    return provisioner;
  }

  public SocketFleet fleet(Vertx vertx, BenchOptions options) {
    return new SocketFleet(vertx, server.host(), server.port(), options.integer("per-address", 25_000),
        options.integer("client-rcvbuf", 0));
  }

  @Override
  public void close() {
    server.close();
  }
}
