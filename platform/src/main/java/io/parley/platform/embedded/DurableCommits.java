package io.parley.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * Makes a write durable before it is answered, when the write asks to be (MongoDB's write concern {@code j: true},
 * {@code fsync: true} or {@code w: "majority"}): H2 otherwise writes its file only in the background, about once a
 * second, so a killed process lost writes it had already answered. A commit writes every change the store holds
 * into the file and forces the file to the disk. Writers that ask while a commit is under way share the next one
 * (a group commit): under load one commit covers many writes; a write alone waits for one commit.
 */
final class DurableCommits {

  private final MVStore store;
  private final ReentrantLock committing = new ReentrantLock();
  private final AtomicLong asked = new AtomicLong();
  /** The last ticket whose write a finished commit covers; read and written holding {@link #committing}. */
  private long covered;
  private final AtomicLong commits = new AtomicLong();

  DurableCommits(MVStore store) {
    this.store = store;
  }

  /** Whether a command's write concern asks for its write to be on the disk before the answer. */
  static boolean asked(Document command) {
    if (!(command.get("writeConcern") instanceof Document concern)) {
      return false;
    }
    return Boolean.TRUE.equals(concern.get("j")) || Boolean.TRUE.equals(concern.get("fsync"))
        || "majority".equals(concern.get("w"));
  }

  /**
   * Returns once every write this thread made before the call is in the file, forced to the disk. The ticket is
   * taken after the write, and a commit covers the tickets taken before it starts, so no write is answered on a
   * commit that began before it.
   */
  void awaitDurable() {
    long ticket = asked.incrementAndGet();
    committing.lock();
    try {
      if (covered >= ticket) {
        return;
      }
      long upTo = asked.get();
      store.commit();
      // H2's background writer may have taken these changes into a chunk it is still writing: wait for its tasks.
      store.getFileStore().executeFileStoreOperation(() -> { });
      store.sync();
      commits.incrementAndGet();
      covered = upTo;
    } finally {
      committing.unlock();
    }
  }

  /** The commits made so far: for tests and measurements, as the count of writes asked for is. */
  long commits() {
    return commits.get();
  }

  long asked() {
    return asked.get();
  }
}
