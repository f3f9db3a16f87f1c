package io.parley.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committer alone, on a log of its own: what it tells the writes waiting for it, and when. */
class DurableCommitsTest {

  @Test
  void aWaiterThatThrowsDoesNotStopTheCommitsOfTheOthers(@TempDir Path dir) throws Exception {
    WriteAheadLog log = WriteAheadLog.open(dir, 0);
    // The first commit waits for the throwing waiter: covered sooner, it would be told on the test's thread.
    CountDownLatch registered = new CountDownLatch(1);
    try (DurableCommits commits = new DurableCommits(() -> {
      awaitQuietly(registered);
      log.force();
    })) {
      log.append(LogRecord.removal("db.c", "a"));
      commits.whenDurable(commits.ticket(), durable -> {
        throw new IllegalStateException("its event loop is gone");
      });
      registered.countDown();
      log.append(LogRecord.removal("db.c", "b"));
      CompletableFuture<Boolean> next = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), next::complete);
      assertTrue(next.get(10, TimeUnit.SECONDS));
      assertEquals(2, LogReplay.read(dir, 0).records(), "both records are in the file when the second is told");
    } finally {
      log.close();
    }
  }

  @Test
  void afterAFailedCommitNothingIsToldDurableAgain(@TempDir Path dir) throws Exception {
    WriteAheadLog log = WriteAheadLog.open(dir, 0);
    try (DurableCommits commits = new DurableCommits(log::force)) {
      log.append(LogRecord.removal("db.c", "a"));
      CompletableFuture<Boolean> first = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), first::complete);
      assertTrue(first.get(10, TimeUnit.SECONDS));

      log.close();
      CompletableFuture<Boolean> failed = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), failed::complete);
      assertFalse(failed.get(10, TimeUnit.SECONDS), "the log is gone: the write is not acknowledged");
      CompletableFuture<Boolean> later = new CompletableFuture<>();
      commits.whenDurable(commits.ticket(), later::complete);
      assertFalse(later.get(10, TimeUnit.SECONDS));
      assertEquals(3, commits.asked());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
