package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run leaves in its work folder: everything in a folder given, the logs only in a folder of its own. */
class BenchContextTest {

  @Test
  void aFolderOfItsOwnLosesTheServersDataAndKeepsTheLogs() throws Exception {
    Path workDir;
    try (BenchContext context = BenchContext.open(new BenchOptions("dm"))) {
      workDir = context.workDir();
      fakeServerFiles(workDir);
    }
    assertFalse(Files.exists(workDir.resolve("parley-data-1")));
    assertTrue(Files.exists(workDir.resolve("parley-8080.log")));
  }

  @Test
  void aFolderGivenKeepsEverything(@TempDir Path parent) throws Exception {
    Path workDir = parent.resolve("work");
    try (BenchContext context = BenchContext.open(new BenchOptions("dm", "--work-dir=" + workDir))) {
      fakeServerFiles(context.workDir());
    }
    assertTrue(Files.exists(workDir.resolve("parley-data-1").resolve("store").resolve("parley-store.mv.db")));
    assertTrue(Files.exists(workDir.resolve("parley-8080.log")));
  }

  /** What a server leaves: its log, and a data folder with files in a folder of their own. */
  private static void fakeServerFiles(Path workDir) throws Exception {
    Path store = Files.createDirectories(workDir.resolve("parley-data-1").resolve("store"));
    Files.writeString(store.resolve("parley-store.mv.db"), "pages");
    Files.writeString(workDir.resolve("parley-8080.log"), "started");
  }
}
