package io.parley.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every workload shares: the load generator's Vert.x, the options, and a folder for logs and data. A folder
 * of its own (no {@code --work-dir}) loses the servers' data folders when the run ends, as they can take a GB a
 * run and nobody asked to keep them; the logs and recordings stay. A folder given is left as it is.
 */
public final class BenchContext implements AutoCloseable {

  static final String DATA_FOLDER_PREFIX = "parley-data-";

  private final Vertx vertx;
  private final BenchOptions options;
  private final Path workDir;
  private final boolean ownFolder;

  private BenchContext(Vertx vertx, BenchOptions options, Path workDir, boolean ownFolder) {
    this.vertx = vertx;
    this.options = options;
    this.workDir = workDir;
    this.ownFolder = ownFolder;
  }

  public static BenchContext open(BenchOptions options) throws IOException {
    boolean given = options.has("work-dir");
    Path workDir = given
        ? Files.createDirectories(Path.of(options.string("work-dir", "")))
        : Files.createTempDirectory("parley-bench-");
    return new BenchContext(Vertx.vertx(), options, workDir, !given);
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
    if (ownFolder) {
      removeDataFolders();
    }
  }

  private void removeDataFolders() {
    try (Stream<Path> entries = Files.list(workDir)) {
      for (Path folder : entries.filter(path -> path.getFileName().toString().startsWith(DATA_FOLDER_PREFIX))
          .toList()) {
        try (Stream<Path> tree = Files.walk(folder)) {
          for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("# could not remove the data folders in " + workDir + ": " + e.getMessage());
    }
  }
}
