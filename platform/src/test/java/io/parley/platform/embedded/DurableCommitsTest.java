package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committer alone, on a store file of its own: what it tells the writes waiting for it, and when. */
class DurableCommitsTest {

  @Test
  void aWaiterThatThrowsDoesNotStopTheCommitsOfTheOthers(@TempDir Path dir) throws Exception {
    MVStore store = MVStore.open(dir.resolve("a.mv.db").toString());
    try (DurableCommits commits = new DurableCommits(store)) {
      MVMap<String, String> map = store.openMap("m");
      map.put("a", "1");
      commits.whenDurable(commits.ticket(), durable -> {
        throw new IllegalStateException("its event loop is gone");
      });
      map.put("b", "2");
      CompletableFuture<Boolean> next = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), next::complete);
      assertTrue(next.get(10, TimeUnit.SECONDS));
      assertFalse(store.hasUnsavedChanges());
    } finally {
      store.close();
    }
  }

  @Test
  void afterAFailedCommitNothingIsToldDurableAgain(@TempDir Path dir) throws Exception {
    MVStore store = MVStore.open(dir.resolve("b.mv.db").toString());
    try (DurableCommits commits = new DurableCommits(store)) {
      store.openMap("m").put("a", "1");
      CompletableFuture<Boolean> first = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), first::complete);
      assertTrue(first.get(10, TimeUnit.SECONDS));

      store.closeImmediately();
      CompletableFuture<Boolean> failed = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), failed::complete);
      assertFalse(failed.get(10, TimeUnit.SECONDS), "the store is gone: the write is not acknowledged");
      CompletableFuture<Boolean> later = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), later::complete);
      assertFalse(later.get(10, TimeUnit.SECONDS));
      assertEquals(3, commits.asked());
    }
  }
}
