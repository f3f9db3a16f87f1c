package io.parley.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every workload shares: the load generator's Vert.x, the options, and a folder for logs and data. */
public final class BenchContext implements AutoCloseable {

  private final Vertx vertx;
  private final BenchOptions options;
  private final Path workDir;

  private BenchContext(Vertx vertx, BenchOptions options, Path workDir) {
    this.vertx = vertx;
    this.options = options;
    this.workDir = workDir;
  }

  public static BenchContext open(BenchOptions options) throws IOException {
    Path workDir = options.has("work-dir")
        ? Files.createDirectories(Path.of(options.string("work-dir", "")))
        : Files.createTempDirectory("parley-bench-");
    return new BenchContext(Vertx.vertx(), options, workDir);
  }

  public BenchTarget start(BenchTarget.Kind kind) throws IOException {
    return BenchTarget.start(kind, options, vertx, workDir);
  }

  public Vertx vertx() {
    return vertx;
  }

  public BenchOptions options() {
    return options;
  }

  public Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    Await.quietly(vertx.close(), 30_000);
  }
}
