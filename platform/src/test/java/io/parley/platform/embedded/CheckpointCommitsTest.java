package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parley.platform.EmbeddedStore;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 commits the store file at the checkpoints, not whenever its changed pages pass its own default of 19 MB:
 * the log holds every change, so an earlier commit would only serialize the same busy pages again.
 */
class CheckpointCommitsTest {

  private static final int H2_DEFAULT_BYTES = 19 * 1024 * 1024;

  @Test
  void changedPagesWaitForTheCheckpoint(@TempDir Path dir) {
    // Checkpoints an hour apart: within the test only H2's own limit could commit the file.
    TunedH2Backend backend = TunedH2Backend.open(dir.resolve("commits.mv.db").toString(),
        EmbeddedStore.DEFAULT_CACHE_MB, 3_600_000);
    try {
      MVStore store = backend.getMvStore();
      int piled = H2_DEFAULT_BYTES + H2_DEFAULT_BYTES / 2;
      assertEquals(TunedH2Backend.unsavedPagesKb(Runtime.getRuntime().maxMemory()) * 1024,
          store.getAutoCommitMemory());
      assumeTrue(store.getAutoCommitMemory() > piled, "a heap of at least 8 x 28.5 MB, so that the pile may wait");
      MVMap<Integer, String> rows = store.openMap("rows");
      long version = store.getCurrentVersion();
      String row = "x".repeat(1_000);
      // A commit would empty the pile, so the rows are bounded too: the test fails rather than runs on.
      for (int i = 0; i < 100_000 && store.getUnsavedMemory() <= piled; i++) {
        rows.put(i, row);
      }
      assertTrue(store.getUnsavedMemory() > piled, "changed pages piled past H2's default");
      assertEquals(version, store.getCurrentVersion(), "no commit before the checkpoint");
    } finally {
      backend.close();
    }
  }

  @Test
  void theChangedPagesWaitingAreBoundedByTheHeap() {
    assertEquals(128 * 1024, TunedH2Backend.unsavedPagesKb(2L << 30), "128 MB in a heap of 2 GB");
    assertEquals(48 * 1024, TunedH2Backend.unsavedPagesKb(384L << 20), "an eighth of a 384-MB heap");
    assertEquals(128 * 1024, TunedH2Backend.unsavedPagesKb(Long.MAX_VALUE), "a heap without a limit");
  }
}
